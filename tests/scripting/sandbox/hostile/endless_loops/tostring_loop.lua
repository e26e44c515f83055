-- expect: error: tostring_loop.lua:2: script exceeded its CPU budget
local t = setmetatable({}, {__tostring = function(self) return tostring(self) end})
return tostring(t)
