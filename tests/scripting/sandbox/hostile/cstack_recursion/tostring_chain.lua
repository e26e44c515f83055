-- expect: error: tostring: calls nested more than 16 deep
local mt = {}
mt.__tostring = function(self) return "<" .. tostring(setmetatable({}, mt)) .. ">" end
return tostring(setmetatable({}, mt))
