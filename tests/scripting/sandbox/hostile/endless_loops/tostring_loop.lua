-- expect: error: nested more than 16 deep
local t = setmetatable({}, {__tostring = function(self) return tostring(self) end})
return tostring(t)
