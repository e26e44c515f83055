-- expect: error: stack overflow
local mt = {}
mt.__tostring = function(self) return "<" .. tostring(setmetatable({}, mt)) .. ">" end
return tostring(setmetatable({}, mt))
