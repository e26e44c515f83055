-- expect: error: string.rep: the result would be 1000000000 bytes
return #string.rep("x", 1e9)
