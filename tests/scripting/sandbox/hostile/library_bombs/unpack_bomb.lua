-- expect: error: too many results to unpack
return unpack({}, 1, 1e8)
