-- expect: error: undefined global "package"
return package.loaded.os
