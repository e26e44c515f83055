-- string.byte and string.char: ranges, negative indices, many values,
-- round trips, and errors.  Partly adapted from LuaJIT-test-cleanup
-- test/lib/string/byte.lua and char.lua.
local out = {}
local function list(...)
  local r = {}
  for i = 1, select("#", ...) do r[i] = tostring((select(i, ...))) end
  return select("#", ...) .. "[" .. table.concat(r, ",") .. "]"
end
local s = "abcdefg"
out[#out + 1] = "default " .. list(s:byte())
out[#out + 1] = "one " .. list(s:byte(3))
out[#out + 1] = "range " .. list(s:byte(2, 4))
out[#out + 1] = "negative " .. list(s:byte(-3, -1))
out[#out + 1] = "reversed " .. list(s:byte(4, 2))
out[#out + 1] = "out of range " .. list(s:byte(10)) .. " " .. list(s:byte(0)) .. " " .. list(s:byte(-100, 2)) .. " " .. list(s:byte(6, 100))
out[#out + 1] = "empty " .. list(("").byte("")) .. " " .. list(string.byte("", 1, -1))
out[#out + 1] = "float idx " .. list(s:byte(2.9, 3.1))
out[#out + 1] = "number subject " .. list(string.byte(12.5, 1, -1))
-- band/bor indexed slices from the LuaJIT test
local bit = require("bit")
local r = {}
for j = 100, 107 do
  r[#r + 1] = list(string.byte("abcdefg", bit.band(j, 7), bit.band(j + 2, 7)))
  r[#r + 1] = list(string.byte("abc", bit.bor(-j, -8), -1))
end
out[#out + 1] = "slices " .. table.concat(r, " ")
local big = string.rep("x", 500)
out[#out + 1] = "500 values " .. select("#", big:byte(1, 500))
out[#out + 1] = "char " .. string.char(72, 101, 108, 108, 111) .. " " .. #string.char() .. " " .. string.char("65", 66.0)
local all = {}
for b = 0, 255 do all[#all + 1] = b end
local s256 = string.char(unpack(all))
local sum = 0
for i = 1, #s256 do sum = sum + s256:byte(i) * i end
out[#out + 1] = "256 round trip " .. #s256 .. " " .. sum .. " " .. tostring(s256 == string.char(s256:byte(1, -1)))
out[#out + 1] = "char upper/lower " .. string.upper(string.char(97, 16 + 97, 129)):byte(1, -1)
local function e(...)
  local ok, err = pcall(string.char, ...)
  return tostring(ok) .. " " .. tostring(err)
end
out[#out + 1] = "char 256 " .. e(65, 256)
out[#out + 1] = "char -1 " .. e(-1)
out[#out + 1] = "char string " .. e("A")
out[#out + 1] = "char nil " .. e(65, nil)
out[#out + 1] = "char 255.5 " .. e(255.5)
local y
local ok, err = pcall(function()
  for i = 1, 200 do y = string.char(100 + i) end
end)
out[#out + 1] = "char loop " .. tostring(ok) .. " " .. err .. " last " .. y:byte()
local ok2, err2 = pcall(function() local v = string.byte({}); return v end)
out[#out + 1] = "byte table " .. tostring(ok2) .. " " .. err2
return table.concat(out, "\n")
