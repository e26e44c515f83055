-- %q quoting of every byte value and of numbers; %s of numbers, booleans,
-- nil and of tables with __tostring (including ones that return odd values).
local out = {}
local f = string.format
local bytes = {}
for b = 0, 255 do bytes[#bytes + 1] = string.char(b) end
local q = f("%q", table.concat(bytes))
-- show the quoted form of all 256 bytes as byte codes, to keep the output
-- printable
local codes = {}
for i = 1, #q do codes[i] = q:byte(i) end
out[#out + 1] = "all bytes " .. #q .. ": " .. table.concat(codes, " ")
out[#out + 1] = "q simple " .. f("%q", 'he said "hi"\\')
out[#out + 1] = "q newline " .. f("%q", "a\nb")
out[#out + 1] = "q cr nul " .. f("%q", "a\r\0b\0001")
out[#out + 1] = "q numbers " .. f("%q %q %q %q %q", 1, -2.5, 1 / 3, 1e100, 2^63)
out[#out + 1] = "q inf " .. f("%q %q", 1 / 0, -1 / 0)
out[#out + 1] = "q width ignored " .. f("%5q|", "x")
out[#out + 1] = "q twice " .. f("%q%q", "", "x")
-- %s and numbers: the same conversion as tostring (%.14g)
out[#out + 1] = "s numbers " .. f("%s %s %s %s %s %s", 1, 1.5, 1 / 3, 2^53, -0.0, 1e15)
out[#out + 1] = "s other " .. f("%s %s %s", true, false, nil)
-- __tostring
local T = setmetatable({}, { __tostring = function() return "custom T" end })
out[#out + 1] = "s __tostring " .. f("%s|%10s|%-10s|%.3s", T, T, T, T)
out[#out + 1] = "tostring " .. tostring(T)
local Num = setmetatable({}, { __tostring = function() return 42 end })
local ok, err = pcall(f, "%s", Num)
out[#out + 1] = "__tostring returning a number: " .. tostring(ok) .. " " .. tostring(err)
local ok2, err2 = pcall(tostring, Num)
out[#out + 1] = "tostring of it: " .. tostring(ok2) .. " " .. type(err2) .. " " .. tostring(err2)
local Bad = setmetatable({}, { __tostring = function() return {} end })
local ok3, err3 = pcall(f, "%s", Bad)
-- (LuaJIT formats the returned table itself; only its type prefix is shown)
out[#out + 1] = "__tostring returning a table: " .. tostring(ok3) .. " " .. tostring(type(err3) == "string" and err3:match("^table: ") ~= nil)
local Err = setmetatable({}, { __tostring = function() error("in __tostring") end })
local ok4, err4 = pcall(f, "%s", Err)
out[#out + 1] = "__tostring raising: " .. tostring(ok4) .. " " .. tostring(err4)
local Calls = 0
local Counted = setmetatable({}, { __tostring = function() Calls = Calls + 1; return "c" .. Calls end })
out[#out + 1] = "calls " .. f("%s %s", Counted, Counted) .. " " .. tostring(Counted) .. " " .. Calls
-- __tostring used by string concatenation? No: concat uses __concat only.
local ok5, err5 = pcall(function() return "x" .. T end)
out[#out + 1] = "concat with __tostring table: " .. tostring(ok5) .. " " .. tostring(err5)
-- a __tostring on a table that is also called by error()?  No: error keeps
-- the table; pcall returns it unchanged.
local ok6, e6 = pcall(error, T)
out[#out + 1] = "error(T): " .. tostring(ok6) .. " " .. tostring(rawequal(e6, T)) .. " " .. tostring(e6)
return table.concat(out, "\n")
