-- expect: error: undefined global "rawset"
rawset(_G, "x", 1)
