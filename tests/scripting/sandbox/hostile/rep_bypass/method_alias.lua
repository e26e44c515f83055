-- expect: error: method_alias.lua:3: string.rep: the result would be 20000000 bytes
local r = ("").rep
return #r("xy", 10000000)
