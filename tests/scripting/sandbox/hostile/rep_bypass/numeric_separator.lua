-- expect: error: numeric_separator.lua:2: string.rep: the result would be 29999998 bytes
return #string.rep("x", 10000000, 99)
