-- expect: error: number_as_string.lua:2: string.rep: the result would be 20000000 bytes
return #string.rep(12, 10000000)
