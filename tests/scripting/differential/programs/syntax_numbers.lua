-- Numeric literals as LuaJIT reads them (cdata literals 3LL/3ULL/1i are
-- left out: they need the FFI, which the sandbox does not have).
local out = {}
local function show(name, v)
  out[#out + 1] = string.format("%-10s %-24s %s %s", name, string.format("%.17g", v),
    tostring(v), type(v))
end
show("0x1p-3", 0x1p-3)
show("0x1P+4", 0x1P+4)
show("0xA", 0xA)
show("0Xff", 0Xff)
show("0xep9", 0xep9)
show("0xe+9", 0xe+9)
show("0x.8", 0x.8)
show("0x1.8p1", 0x1.8p1)
show("0xA.", 0xA.)
show("1e+5", 1e+5)
show("1E5", 1E5)
show("1e-5", 1e-5)
show(".5", .5)
show("3.", 3.)
show("3.e2", 3.e2)
show(".5e1", .5e1)
show("1e309", 1e309)
show("-1e309", -1e309)
show("1e-400", 1e-400)
show("0x7fffffff", 0x7fffffff)
show("0xffffffff", 0xffffffff)
show("0x100000000", 0x100000000)
show("0x1fffffffffffff", 0x1fffffffffffff)
show("0x20000000000001", 0x20000000000001)
show("9007199254740993", 9007199254740993)
show("0xffffffffffffffffff", 0xffffffffffffffffff)
show("00012", 00012)
show("1e0", 1e0)
show("0e12", 0e12)
show("-0", -0)
show("0.1+0.2", 0.1 + 0.2)
show("2^53", 2^53)
show("2^-1074", 2^-1074)
show("4.9e-324", 4.9e-324)
show("1.7976931348623157e308", 1.7976931348623157e308)
out[#out + 1] = "1/-0 " .. tostring(1 / -0) .. " 1/(0*-1) " .. tostring(1 / (0 * -1))
out[#out + 1] = "adjacent: " .. 1 .. 2 .. " " .. 0xA .. 0xB
out[#out + 1] = "methods on numbers: " .. ("%d"):format(0x10) .. " " .. ("x"):rep(0x3)
-- a number followed directly by .. needs a space; a name after a number
-- is a separate token only with a space
local x = 3 local y = 4
out[#out + 1] = "two statements on a line " .. x + y
return table.concat(out, "\n")
