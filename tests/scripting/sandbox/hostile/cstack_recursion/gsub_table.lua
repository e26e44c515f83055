-- expect: error: string.gsub: calls nested too deep
local t
t = setmetatable({}, {__index = function(_, k) return (("x"):gsub(".", t)) end})
return (("x"):gsub(".", t))
