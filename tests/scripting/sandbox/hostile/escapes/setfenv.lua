-- expect: error: undefined global "setfenv"
setfenv(1, {})
