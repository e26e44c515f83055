-- expect: error: script exceeded its CPU budget
-- __index that never returns, through a tail call
local t
t = setmetatable({}, {__index = function(_, k) while true do end end})
return t.x
