-- expect: error: count_as_hex_string.lua:2: string.rep: the result would be 33554432 bytes
return #("x"):rep("0x2000000")
