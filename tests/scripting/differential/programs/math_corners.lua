-- math corner cases: fmod, modf, floor/ceil of negatives, huge, -0, NaN
-- comparisons, %.14g of 2^53+1, 1/3, overflow to inf.
-- Adapted in part from LuaJIT-test-cleanup test/lib/math/abs.lua,
-- constants.lua, test/lang/modulo.lua and compare_nan.lua.
local out = {}
local function g(v) return string.format("%.17g", v) end
local function s(v) return tostring(v) end
out[#out + 1] = "pi " .. g(math.pi) .. " huge " .. s(math.huge) .. " -huge " .. s(-math.huge) .. " 1/huge " .. s(1 / math.huge)
out[#out + 1] = "floor " .. table.concat({ math.floor(3.7), math.floor(-3.7), math.floor(-3), math.floor(-0.5), math.floor(2^52 + 0.5), math.floor(-2^60) }, " ")
out[#out + 1] = "ceil " .. table.concat({ math.ceil(3.2), math.ceil(-3.2), math.ceil(-0.5), math.ceil(3) }, " ") .. " ceil(-0.5) sign " .. s(1 / math.ceil(-0.5))
out[#out + 1] = "floor inf " .. s(math.floor(1 / 0)) .. " " .. s(math.ceil(-1 / 0))
local function modf(x) local i, f = math.modf(x); return s(i) .. "," .. s(f) end
out[#out + 1] = "modf " .. table.concat({ modf(3.7), modf(-3.7), modf(5), modf(-0.25), modf(1 / 0), modf(-1 / 0) }, " ")
out[#out + 1] = "fmod " .. table.concat({ s(math.fmod(7, 3)), s(math.fmod(-7, 3)), s(math.fmod(7, -3)), s(math.fmod(-7, -3)), s(math.fmod(5.5, 2)), s(math.fmod(1, 0)), s(math.fmod(1 / 0, 1)), s(math.fmod(3, 1 / 0)) }, " ")
out[#out + 1] = "% " .. table.concat({ s(7 % 3), s(-7 % 3), s(7 % -3), s(-7 % -3), s(5.5 % 2), s(-5.5 % 2), s(1 % 0), s(1 % (1 / 0)), s(-1 % (1 / 0)) }, " ")
-- the modulo identity over a grid (from LuaJIT's modulo test)
local mismatches = 0
for x = -5, 5, 0.25 do
  for y = -5, 5, 0.25 do
    if y ~= 0 and x % y ~= x - math.floor(x / y) * y then mismatches = mismatches + 1 end
  end
end
local y1 = 0
for x = -100, 123 do y1 = y1 + x % 17 end
local y2 = 0
for x = -100, 123 do if x ~= 0 then y2 = y2 + 85 % x end end
out[#out + 1] = "modulo identity mismatches " .. mismatches .. " sums " .. y1 .. " " .. y2
-- -0
local nz = -0.0
out[#out + 1] = "-0 " .. s(nz) .. " " .. s(0 * -1) .. " " .. s(nz == 0) .. " " .. s(1 / nz) .. " " .. s(-nz) .. " " .. string.format("%g", nz) .. " abs " .. s(math.abs(nz))
-- NaN
local nan = 0 / 0
out[#out + 1] = "nan " .. s(nan == nan) .. " " .. s(nan ~= nan) .. " " .. s(nan < 1) .. " " .. s(nan > 1) .. " " .. s(nan <= nan) .. " " .. s(not (nan >= 1))
out[#out + 1] = "nan funcs " .. s(math.max(nan, 1)) .. " " .. s(math.min(1, nan)) .. " " .. s(math.floor(nan) ~= math.floor(nan)) .. " " .. s(math.sqrt(-1) ~= math.sqrt(-1))
local tnan = {}
local okk, errk = pcall(function() tnan[nan] = 1 end)
out[#out + 1] = "nan key " .. s(okk) .. " " .. s(errk) .. " read " .. s(tnan[nan])
-- formatting of notable values
out[#out + 1] = "2^53+1 " .. string.format("%.14g", 2^53 + 1) .. " " .. g(2^53 + 1) .. " " .. s(2^53 + 1 == 2^53)
out[#out + 1] = "1/3 " .. string.format("%.14g", 1 / 3) .. " " .. g(1 / 3)
out[#out + 1] = "1e300*10 " .. s(1e300 * 10) .. " " .. s(1e300 * 1e10) .. " " .. s(-1e300 * 1e10) .. " " .. s(1e300 * 1e10 - 1e300 * 1e10)
out[#out + 1] = "0.1+0.2 " .. g(0.1 + 0.2) .. " " .. s(0.1 + 0.2 == 0.3)
-- max/min with several and with mixed arguments
out[#out + 1] = "max/min " .. math.max(3, 1, 2) .. " " .. math.min(3, 1, 2) .. " " .. math.max(-0.5) .. " " .. math.max("10", 9) .. " " .. s(math.min(-1 / 0, 0))
local function e(f, ...)
  local ok, err = pcall(f, ...)
  return s(ok) .. " " .. s(err)
end
out[#out + 1] = "abs " .. math.abs(-1.5) .. " " .. math.abs("-1.5") .. " " .. s(math.abs(-1 / 0))
out[#out + 1] = "abs() " .. e(math.abs)
out[#out + 1] = "abs(false) " .. e(math.abs, false)
out[#out + 1] = "abs('a') " .. e(math.abs, "a")
out[#out + 1] = "max() " .. e(math.max)
out[#out + 1] = "floor({}) " .. e(math.floor, {})
local okL, errL = pcall(function() local v = math.floor("x"); return v end)
out[#out + 1] = "floor('x') in Lua " .. s(okL) .. " " .. errL
-- fmin/fmax loops from LuaJIT's dualnum test
local function fmin(a, b) for _ = 1, 100 do a = math.min(a, b) end return a end
local function fmax(a, b) for _ = 1, 100 do a = math.max(a, b) end return a end
out[#out + 1] = "fmin/fmax " .. table.concat({ fmin(1, 3), fmin(3, 1), fmin(-1, 3), fmin(-1, -3), fmax(1, 3), fmax(-1, 3), fmax(-1, -3), fmax(-3, -1) }, " ")
-- integer-valued arithmetic near 2^31 and 2^53
out[#out + 1] = "near 2^31 " .. (2^31 - 1 + 1) .. " " .. (-2^31 - 1) .. " " .. (2147483647 * 2) .. " " .. string.format("%.0f", 2^53 * 2 + 2)
return table.concat(out, "\n")
