-- string.sub and string.byte with ends past the length and bad arguments: the sandbox
-- clamps such ends before LuaJIT sees them (a JIT workaround, see README.md) and must
-- change neither the results nor the error messages.
local r = {}
local function try(f, ...) local ok, e = pcall(f, ...); r[#r+1] = tostring(ok) .. ":" .. tostring(e) end
try(string.byte)
try(string.byte, "abc", 1, "x")
try(string.byte, "abc", {}, 100)
try(string.byte, "abc", nil, 100)
try(string.sub, "abc", nil, 100)
try(string.sub, "abc", 1, {})
try(function() return ("abc"):byte(1, 100) end)
try(function() return ("abc"):sub("2", "100") end)
try(function() return select("#", ("abc"):byte(-10, 100)) end)
try(function() return ("abc"):sub(2, 2147483647) .. ("abc"):sub(2, 2147483647.5) end)
return table.concat(r, "\n")
