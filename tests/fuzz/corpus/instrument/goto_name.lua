goto = 5
x = goto
y = 1
local t = {goto = 2}
t.goto = t.goto + goto
local function f(goto) return goto end
goto = function(v) return v end
return goto
(t.goto), f(3), x + y
