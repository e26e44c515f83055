-- expect: error: undefined global "debug"
return debug.getregistry()
