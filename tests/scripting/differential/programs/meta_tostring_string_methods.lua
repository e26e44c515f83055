-- __tostring used by tostring and string.format("%s"); string methods
-- through the string metatable: ("x"):upper(), s:format(...), chained
-- method calls, methods on string literals and on numbers converted to
-- strings.  Adapted in part from LuaJIT-test-cleanup
-- test/lib/string/metatable.lua.
local out = {}
local Point = {}
Point.__index = Point
Point.__tostring = function(p) return string.format("(%d, %d)", p.x, p.y) end
function Point.new(x, y) return setmetatable({ x = x, y = y }, Point) end
local p = Point.new(3, -4)
out[#out + 1] = "tostring " .. tostring(p)
out[#out + 1] = "format " .. string.format("p=%s q=%s", p, Point.new(0, 0))
out[#out + 1] = "format width " .. ("[%12s][%-12s]"):format(p, p)
out[#out + 1] = "method upper " .. ("x"):upper() .. " " .. ("MiXeD"):lower()
local s = "Hello %s, you are %d"
out[#out + 1] = "s:format " .. s:format("Ann", 30)
out[#out + 1] = "chain " .. ("  padded  "):gsub("^%s+", ""):gsub("%s+$", ""):upper():rep(2, "/")
out[#out + 1] = "len/sub/byte " .. ("hello"):len() .. " " .. ("hello"):sub(2, -2) .. " " .. ("A"):byte()
out[#out + 1] = "find/match " .. table.concat({ ("key=val"):find("=") }, ",") .. " " .. ("key=val"):match("(%w+)=(%w+)")
local n = 255
out[#out + 1] = "number to string methods " .. tostring(n):rep(2) .. " " .. (n .. ""):len() .. " " .. ("%x"):format(n)
local words = {}
for w in ("a bb ccc"):gmatch("%a+") do words[#words + 1] = w:upper() .. #w end
out[#out + 1] = "gmatch method " .. table.concat(words, ",")
out[#out + 1] = "literal forms " .. ("x"):rep(3) .. ([[y]]):rep(2) .. ('z'):rep(1)
local str = "abc"
out[#out + 1] = "index by key " .. type(str.upper) .. " " .. str.upper(str) .. " " .. tostring(rawequal(str.len, string.len))
-- method call on a number literal needs parentheses and fails: numbers have no metatable
local ok, err = pcall(function() local num = 5; return num:rep(2) end)
out[#out + 1] = "number method " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() local b = true; return b:upper() end)
out[#out + 1] = "boolean method " .. tostring(ok2) .. " " .. err2
-- calling a string
local ok3, err3 = pcall(function() local f = "notfn"; return f() end)
out[#out + 1] = "call string " .. tostring(ok3) .. " " .. err3
return table.concat(out, "\n")
