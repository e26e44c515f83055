-- expect: error: nested more than 16 deep
local t
t = setmetatable({}, {__index = function(_, k) return (("x"):gsub(".", t)) end})
return (("x"):gsub(".", t))
