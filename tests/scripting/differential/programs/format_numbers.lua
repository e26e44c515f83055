-- Adapted from LuaJIT-test-cleanup test/lib/string/format/num.lua: %e %f %g
-- of assorted values, extreme precisions, rounding-sensitive cases.  Where
-- the original accepts either of two libc answers, this records LuaJIT's.
local out = {}
local f = string.format
local function add(fmt, v) out[#out + 1] = fmt .. " " .. f("%.17g", v) .. " => " .. f(fmt, v) end

for _, s in ipairs({ "0", "1", "0.5", "123", "0.0078125", "1.109375", "0.999995",
                     "0.9999995", "99999.95", "999999.95", "123456978", "33.3" }) do
  local n = tonumber(s)
  out[#out + 1] = s .. ": " .. f("%e", n) .. " " .. f("%f", n) .. " " .. f("%g", n)
end
for i = 1, 16 do
  out[#out + 1] = "%#2.0f " .. f("%#2.0f", tonumber(("1"):rep(i)))
end
-- %#.<p>e of powers of ten, a sample of exponents
for _, p in ipairs({ 0, 1, 7, 14 }) do
  local fmt = "%#." .. p .. "e"
  local r = {}
  for _, e in ipairs({ 1, 9, 10, 99, 100, 307, 308 }) do
    r[#r + 1] = f(fmt, tonumber("1e-" .. e)) .. " " .. f(fmt, tonumber("1e+" .. e))
  end
  out[#out + 1] = fmt .. " " .. table.concat(r, " ")
end
add("%.14g", 0)
add("%.0g", 1e-310)
add("%010.5g", 1e8)
add("% -10.5g", 1e8)
add("%+#.0e", 4e123)
add("%.0f", 1e49)
add("%.0f", 1e50)
add("%.35g", 1e50)
add("%40.35g", 1e50)
add("%#+40.34g", 1e50)
add("%-40.35g", 1e50)
add("%.0f", 0.5)
add("%.1f", 0.25)
add("%.7g", 999999.95)
add("%.7g", 999.99995)
add("%.3e", 6.9039613742e-314)
add("%.99g", 1e-323)
add("%.99f", 1e308)
add("%.99f", 1)
add("%99g", 5)
add("%099g", 5)
add("%-99g", 5)
add("%0-99g", 5)
add("%e", (2^53 - 1) * 2^971)
add("%.0e", (2^53 - 1) * 2^971)
add("%.1f", 0.15)
add("%.1f", 0.45)
add("%.1f", 0.55)
add("%.1f", 0.85)
add("%.14g", 2.28579528986935e-262)
add("%.14g", 4.86009084710405e+243)
add("%.14g", 6.28108398359615e+258)
add("%.14g", 4.29911075733405e+250)
add("% .13g", 8.5068432121065e+244)
add("%.40g", 8.1919113161235899e+233)
add("%.40g", 7.1022381748280933e+272)
add("%.67g", 5.8018368514358030e+261)
add("%.26g", 7.9225909325493999e-199)
add("%.43g", 2.4976643533685383e-153)
add("%.4g", 9.796500001282779e+222)
add("%e", 7.7169235e-227)
add("%e", 7.7169235000000044e-227)
add("%.9e", 5.3996444915000004e+87)
add("%.10e", 2.03037546395e-49)
add("%.11e", 3.38759425741500027e+65)
add("%.0e", 1.013960434983135e-66)
add("%.13e", 1.32423054454835e-204)
add("%.13e", 5.9005060812045502e+100)
add("%.53g", 5404319552844595 / 2^53)
add("%.99e", 2^-1074)
add("%1.53f", 1 - 2^-53)
add("%.7g", 1.0551955)
add("%.15f", 8.330400913327153)
add("%.14g", 9194.25055964485)
add("%.16g", 816.2665949149578)
add("%.16g", 95.47149571505499)
add("%.15F", 9.522938016739373)
add("%1.8e", 6.10351562e-05)
add("%1.8e", 4.3037358649999999e-15)
add("%.9e", 8.742456525e-317)
add("%.13e", 3.5078660854729e-322)
add("%f", 1 / 0)
add("%f", -1 / 0)
add("%e", 1 / 0)
add("%g", -1 / 0)
add("%5.1f", 0 / 0 ~= 0 / 0 and 1 / 0 or 0)
add("%.3f", -0.0)
add("%g", -0.0)
add("%d", -0.0)
return table.concat(out, "\n")
