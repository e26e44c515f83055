-- expect: error: undefined global "load"
return load("return os")()
