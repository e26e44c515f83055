-- expect: error: tail_call_loop.lua:2: script exceeded its CPU budget
local function f(n) return f(n + 1) end
return f(1)
