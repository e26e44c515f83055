-- tonumber: bases 2-36, whitespace, hex, exponents, bad input, and errors.
-- Partly adapted from LuaJIT-test-cleanup test/lib/base/tonumber_tostring.lua.
local out = {}
local function show(v)
  if type(v) == "number" then return string.format("%.17g", v) end
  return tostring(v)
end
local inputs = { "10", "  10  ", "\t\n10\r\v\f", "0x10", "0X1f", "-0x10", "  -0x10 ", "1e2", "1E+2", "1e-2",
  ".5", "5.", "-.5", "+5", "+-5", "- 5", "0x", "0x1p4", "0x.8", "1e", "1e+", "e1", "", " ", "abc", "10a", "1 0",
  "inf", "-inf", "nan", "infinity", "0b101", "1_000", "0010", "1.5e308", "1e309", "-1e309", "4.9e-324", "1e-400",
  "9007199254740993", "0x7fffffff", "0xffffffff", "0x1ffffffffffffff", "1..2", "1.2.3", "\0" .. "1", "1\0" }
for _, s in ipairs(inputs) do
  out[#out + 1] = string.format("%-14q -> %s", s, show(tonumber(s)))
end
out[#out + 1] = "numbers " .. show(tonumber(42)) .. " " .. show(tonumber(-0.0)) .. " " .. show(tonumber(1 / 0))
out[#out + 1] = "non-strings " .. show(tonumber(nil)) .. " " .. show(tonumber(true)) .. " " .. show(tonumber({}))
-- bases
local based = {
  { "111", 2 }, { "777", 8 }, { "ff", 16 }, { "FF", 16 }, { "zz", 36 }, { "ZZ", 36 }, { "10", 36 },
  { "  11  ", 2 }, { "12", 2 }, { "1.5", 10 }, { "-ff", 16 }, { "0x10", 16 }, { "", 10 }, { "8", 8 },
  { "7fffffff", 16 }, { "ffffffff", 16 }, { "100000000", 16 }, { "1e2", 10 }, { "1e2", 16 }, { " -z ", 36 },
  { 111, 2 }, { 10, 16 }, { "z", 35 }, { "-", 10 }, { "+1", 10 },
}
for _, c in ipairs(based) do
  out[#out + 1] = string.format("tonumber(%s, %d) -> %s", type(c[1]) == "string" and string.format("%q", c[1]) or tostring(c[1]), c[2], show(tonumber(c[1], c[2])))
end
local function e(...)
  local ok, err = pcall(tonumber, ...)
  return tostring(ok) .. " " .. show(err)
end
out[#out + 1] = "base 1 " .. e("1", 1)
out[#out + 1] = "base 37 " .. e("1", 37)
out[#out + 1] = "base string " .. e("1", "x")
out[#out + 1] = "base numeric string " .. e("11", "2")
out[#out + 1] = "no argument " .. e()
out[#out + 1] = "nil with base " .. e(nil, 10)
local ok, err = pcall(function() local n = tonumber(); return n end)
out[#out + 1] = "no argument in Lua " .. tostring(ok) .. " " .. err
-- arithmetic coercion of strings uses the same rules
out[#out + 1] = "coercion " .. ("10" + 1) .. " " .. ("0x10" * 1) .. " " .. (" 5 " - 0) .. " " .. ("1e1" / 2)
local ok2, err2 = pcall(function() return "abc" + 1 end)
out[#out + 1] = "bad coercion " .. tostring(ok2) .. " " .. err2
return table.concat(out, "\n")
