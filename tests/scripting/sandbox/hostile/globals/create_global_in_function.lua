-- expect: error: create_global_in_function.lua:3: attempt to create global variable "x"
local function f()
  x = 2
end
f()
