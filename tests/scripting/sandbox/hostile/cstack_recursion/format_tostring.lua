-- expect: error: nested more than 16 deep
local mt = {}
mt.__tostring = function() return string.format("%s", setmetatable({}, mt)) end
return string.format("%s", setmetatable({}, mt))
