-- The bit library on negative and large numbers, tohex with widths, and
-- argument errors.  Adapted from LuaJIT-test-cleanup test/lib/bit.lua
-- (the checksums there are recomputed here over the same vectors and the
-- raw results for a few vectors are listed).
local bit = require("bit")
local out = {}
local vb = { 0, 1, -1, 2, -2, 0x12345678, 0x87654321, 0x33333333, 0x77777777, 0x55aa55aa,
  0xaa55aa55, 0x7fffffff, 0x80000000, 0xffffffff }
local function cksum(s)
  local z = 0
  for i = 1, #s do z = (z + string.byte(s, i) * i) % 2147483629 end
  return z
end
for _, name in ipairs({ "tobit", "bnot", "bswap" }) do
  local f = bit[name]
  local s = ""
  for _, x in ipairs(vb) do s = s .. "," .. tostring(f(x)) end
  out[#out + 1] = name .. " " .. cksum(s) .. " " .. s
end
for _, name in ipairs({ "band", "bor", "bxor" }) do
  local f = bit[name]
  local s = ""
  for _, x in ipairs(vb) do for _, y in ipairs(vb) do s = s .. "," .. tostring(f(x, y)) end end
  out[#out + 1] = name .. " " .. cksum(s)
end
for _, name in ipairs({ "lshift", "rshift", "arshift", "rol", "ror" }) do
  local f = bit[name]
  local s = ""
  for _, x in ipairs(vb) do for y = 0, 31 do s = s .. "," .. tostring(f(x, y)) end end
  out[#out + 1] = name .. " " .. cksum(s) .. " sample " .. f(0x87654321, 4) .. " " .. f(-1, 31) .. " " .. f(1, 32) .. " " .. f(1, -1) .. " " .. f(1, 33)
end
local s = ""
for _, x in ipairs(vb) do for y = -8, 8 do s = s .. "," .. tostring(bit.tohex(x, y)) end end
out[#out + 1] = "tohex " .. cksum(s)
out[#out + 1] = "tohex " .. table.concat({ bit.tohex(255), bit.tohex(255, 2), bit.tohex(255, -2), bit.tohex(-1), bit.tohex(-1, 4), bit.tohex(0x12345678, -8), bit.tohex(1, 0), bit.tohex(0xabc, 9), bit.tohex(0xabc, -20) }, " ")
out[#out + 1] = "varargs " .. bit.band(1) .. " " .. bit.bxor(1, 2) .. " " .. bit.bor(1, 2, 4, 8, 16, 32, 64, 128) .. " " .. bit.band(0xff, 0xf0, 0x3c)
out[#out + 1] = "large " .. bit.tobit(2^32) .. " " .. bit.tobit(2^32 + 5) .. " " .. bit.tobit(2^31) .. " " .. bit.tobit(-2^31 - 1) .. " " .. bit.tobit(2^52 + 3) .. " " .. bit.tobit(0x8000000000003 % 2^32)
out[#out + 1] = "fractions " .. bit.tobit(1.5) .. " " .. bit.tobit(2.5) .. " " .. bit.tobit(-1.5) .. " " .. bit.band(3.7, 0xff)
out[#out + 1] = "strings " .. bit.band("12", "10") .. " " .. bit.tobit("0x10")
out[#out + 1] = "overflow compare " .. tostring(bit.tobit(1 + 0x7fffffff) < 0)
local function e(f, ...)
  local ok, err = pcall(f, ...)
  return tostring(ok) .. " " .. tostring(err)
end
out[#out + 1] = "band() " .. e(bit.band)
out[#out + 1] = "band('z') " .. e(bit.band, "z")
out[#out + 1] = "bnot(true) " .. e(bit.bnot, true)
out[#out + 1] = "lshift(1, true) " .. e(bit.lshift, 1, true)
out[#out + 1] = "tohex({}) " .. e(bit.tohex, {})
local okL, errL = pcall(function() local v = bit.bor(1, nil); return v end)
out[#out + 1] = "bor(1, nil) in Lua " .. tostring(okL) .. " " .. errL
-- the PHI/narrowing LCG from LuaJIT's misc tests
local seed = 1
for _ = 16, 0, -1 do seed = bit.band(seed * 9069, 0x7fffffff) end
out[#out + 1] = "lcg " .. seed
return table.concat(out, "\n")
