-- The math functions the sandbox offers, on a grid of inputs, printed with
-- %.17g (libm results; the same libm serves both runs).
local out = {}
local function g(v) return string.format("%.17g", v) end
local ins = { -2, -1, -0.5, 0, 0.5, 1, 2, 10 }
local unary = { "abs", "acos", "asin", "atan", "ceil", "cos", "cosh", "deg", "exp", "floor", "log", "log10", "rad", "sin", "sinh", "sqrt", "tan", "tanh" }
for _, name in ipairs(unary) do
  local f = math[name]
  local r = {}
  for i, x in ipairs(ins) do r[i] = g(f(x)) end
  out[#out + 1] = name .. " " .. table.concat(r, " ")
end
out[#out + 1] = "atan2 " .. g(math.atan2(1, 1)) .. " " .. g(math.atan2(-1, -1)) .. " " .. g(math.atan2(0, -1)) .. " " .. g(math.atan2(-0.0, -1)) .. " " .. g(math.atan2(1, 0)) .. " " .. g(math.atan2(0, 0))
out[#out + 1] = "pow " .. g(math.pow(2, 10)) .. " " .. g(math.pow(2, 0.5)) .. " " .. g(math.pow(-8, 1 / 3)) .. " " .. g(math.pow(0, 0)) .. " " .. g(math.pow(0, -1)) .. " " .. g(2 ^ -1) .. " " .. g((-2) ^ 2) .. " " .. g(-2 ^ 2)
local function fr(x) local m, e = math.frexp(x); return g(m) .. "*2^" .. e end
out[#out + 1] = "frexp " .. fr(1) .. " " .. fr(3) .. " " .. fr(-10) .. " " .. fr(0) .. " " .. fr(0.1) .. " " .. fr(2^-1074)
out[#out + 1] = "ldexp " .. g(math.ldexp(0.75, 2)) .. " " .. g(math.ldexp(1, -1074)) .. " " .. g(math.ldexp(1, 1024)) .. " " .. g(math.ldexp(3, "2"))
out[#out + 1] = "log special " .. g(math.log(0)) .. " " .. g(math.log(1 / 0)) .. " " .. g(math.log10(1000)) .. " " .. g(math.exp(710)) .. " " .. g(math.exp(-1000))
out[#out + 1] = "log with a base " .. g(math.log(8, 2))
out[#out + 1] = "string args " .. g(math.sqrt("16")) .. " " .. g(math.sin("0")) .. " " .. g(math.max("1", "2"))
-- a small numeric computation: sum of a series
local s = 0
for k = 1, 1000 do s = s + 1 / (k * k) end
out[#out + 1] = "basel " .. g(s) .. " vs " .. g(math.pi ^ 2 / 6)
local pi_est = 0
for k = 0, 999 do pi_est = pi_est + (k % 2 == 0 and 4 or -4) / (2 * k + 1) end
out[#out + 1] = "leibniz " .. g(pi_est)
return table.concat(out, "\n")
