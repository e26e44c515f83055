-- comment
local s = 'a\
b'
local t = "x\z
   y"
return s, t, #s
