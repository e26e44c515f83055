-- expect: error: undefined global "_G"
return _G.os
