-- Adapted from LuaJIT-test-cleanup test/lang/length.lua, test/lang/table.lua,
-- test/lang/constant/table.lua and test/lib/table/misc.lua (table
-- constructors with multiple results, TSETM).  The case with a
-- preexisting element at [90] is left out: its length is not unique.
local out = {}
local t = {}
for i = 1, 100 do t[#t + 1] = i end
local grown = #t
for _ = 1, 100 do t[#t] = nil end
out[#out + 1] = "grow/shrink " .. grown .. " " .. #t
local e = {}
for i = 1, 100 do e[i] = i end
e[100] = nil
for _ = 1, 99 do e[#e] = nil end
out[#out + 1] = "erase from the end " .. #e
local fwd, bck = {}, {}
for i = 1, 100 do local v = {}; fwd[i] = v; if i > 90 then bck[v] = i end end
local n = 0
for i = 1, 100 do if bck[fwd[i]] then n = n + 1 end end
out[#out + 1] = "tables as keys " .. n
local b = {}
local c1 = { [true] = nil, [false] = b or 1 }
out[#out + 1] = "constant table " .. tostring(c1[true]) .. " " .. tostring(rawequal(c1[false], b))
local function f(x, y, z) return x, y, z end
local function show(tt, m)
  local r = {}
  for i = 1, m do r[i] = tostring(tt[i]) end
  return table.concat(r, ",")
end
out[#out + 1] = "(f()) " .. show({ (f(1, 2, 3)) }, 4)
out[#out + 1] = "f() " .. show({ f(1, 2, 3) }, 4)
out[#out + 1] = "f(), " .. show({ f(1, 2, 3), }, 4)
out[#out + 1] = "f(), f() " .. show({ f(1, 2, 3), f(4, 5, 6) }, 5)
local long = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  f(2, 3, 4) }
out[#out + 1] = "255 then f() " .. #long .. " " .. show({ long[254], long[255], long[256], long[257], long[258], long[259] }, 6)
local function g() return 9, 10 end
local r
for _ = 1, 100 do r = { 1, 2, 3, g() } end
out[#out + 1] = "constant head then call " .. show(r, 6)
out[#out + 1] = "lengths " .. #"" .. #"abc" .. #{} .. #{ 1, 2 } .. #{ n = 1 } .. #{ [1] = 1, [2] = 2 }
local ok, err = pcall(function() local num = 1; return #num end)
out[#out + 1] = "length of number " .. tostring(ok) .. " " .. err
return table.concat(out, "\n")
