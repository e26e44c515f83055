-- expect: error: pcall_recursion.lua:4: attempt to perform arithmetic on a string value
-- Recursion through pcall overflows the Lua stack cleanly: the innermost pcall returns
-- "stack overflow", which this script then tries to add to a number.
local function f() return 1 + select(2, pcall(f)) end
return f()
