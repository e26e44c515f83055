-- expect: error: gsub_callback.lua:2: string.gsub: calls nested too deep
local function f(s) return (s:gsub(".", f)) end
return f(("a"):rep(40))
