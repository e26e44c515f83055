-- expect: error: string.format: calls nested too deep
local mt = {}
mt.__tostring = function() return string.format("%s", setmetatable({}, mt)) end
return string.format("%s", setmetatable({}, mt))
