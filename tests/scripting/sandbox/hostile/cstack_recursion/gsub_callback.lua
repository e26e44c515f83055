-- expect: error: string.gsub: callbacks nested more than 16 deep
local function f(s) return (s:gsub(".", f)) end
return f(("a"):rep(40))
