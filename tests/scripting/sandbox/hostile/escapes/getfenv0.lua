-- expect: error: undefined global "getfenv"
return getfenv(0).os
