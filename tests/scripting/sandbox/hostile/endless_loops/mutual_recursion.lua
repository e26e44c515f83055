-- expect: error: script exceeded its CPU budget
local g
local function f(n) return g(n) end
g = function(n) return f(n + 1) end
return f(0)
