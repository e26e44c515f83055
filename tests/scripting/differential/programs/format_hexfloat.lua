-- %a and %A (hexadecimal floating point), supported by LuaJIT 2.1.
-- Adapted from the %a cases of LuaJIT-test-cleanup
-- test/lib/string/format/num.lua.
local out = {}
local f = string.format
local r = {}
for i = 1, 16 do
  r[#r + 1] = f("%.1a", 1 + (i - 1) / 16) .. " " .. f("%.1A", 16 + (i - 1))
end
out[#out + 1] = table.concat(r, " | ")
local cases = {
  { "%a", (2^53 - 1) * 2^971 }, { "%.0a", (2^53 - 1) * 2^971 }, { "%a", 0 }, { "%1.8a", 1.53173828125 },
  { "%8.1a", 1.53173828125 }, { "%8.1a", 1.5317 }, { "%8.1a", 1.53 }, { "%11.2a", -1.5 },
  { "%a", 3.14159265358 }, { "%A", 3.14159265358 }, { "%a", 2^-1074 }, { "%a", -0.0 }, { "%a", 1 / 0 },
  { "%a", 0.1 }, { "%-12a|", 1 }, { "%+a", 1 },
}
for _, c in ipairs(cases) do
  out[#out + 1] = c[1] .. " " .. string.format("%.17g", c[2]) .. " => " .. f(c[1], c[2])
end
return table.concat(out, "\n")
