-- expect: error: count_as_string.lua:2: string.rep: the result would be 20000000 bytes
return #string.rep("x", "20000000")
