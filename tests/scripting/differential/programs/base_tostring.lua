-- tostring of every kind of value that prints without an address, number
-- formatting (%.14g), and tostring errors.
local out = {}
local vals = { 0, -0.0, 1, -1, 1.5, 1 / 3, 2 / 3, 100, 1e14, 1e15, 1e16, 123456789012345, 1234567890123456,
  2^53, 2^53 + 1, 2^63, -2^63, 1e100, 1e-5, 1e-4, 0.1, 1 / 0, -1 / 0, 3.14159265358979, 2^-1074, 1e308 * 10,
  0x7fffffff, 0xffffffff, -0x80000000, 255 / 256, 12345.678, 5e-324 }
for i, v in ipairs(vals) do
  out[#out + 1] = i .. ": " .. tostring(v) .. " | " .. (v .. "") .. " | " .. string.format("%.14g", v)
end
out[#out + 1] = "nan " .. tostring(0 / 0) .. " " .. tostring(-(0 / 0)) .. " " .. tostring(math.huge - math.huge)
out[#out + 1] = "others " .. tostring(nil) .. " " .. tostring(true) .. " " .. tostring(false) .. " " .. tostring("str")
out[#out + 1] = "types " .. type(tostring({})) .. " " .. tostring({}):match("^(%a+): ") .. " " .. tostring(tostring):match("^(%a+)")
local mt = { __tostring = function(t) return "T<" .. t[1] .. ">" end }
out[#out + 1] = "__tostring " .. tostring(setmetatable({ 7 }, mt))
local callable = setmetatable({}, { __call = function(_, t) return "via __call " .. t[1] end })
out[#out + 1] = "__tostring is a callable table: " .. tostring(setmetatable({ 8 }, { __tostring = callable }))
local ok, err = pcall(tostring)
out[#out + 1] = "tostring() " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() local s = tostring(); return s end)
out[#out + 1] = "tostring() in Lua " .. tostring(ok2) .. " " .. err2
local ok3, err3 = pcall(function() local s = tostring(setmetatable({}, { __tostring = "" })); return s end)
out[#out + 1] = "__tostring not callable " .. tostring(ok3) .. " " .. err3
out[#out + 1] = "tostring(nil, extra) " .. tostring(nil, "extra")
-- sum of tostring'ed values read back with tonumber, from LuaJIT's test
local x = 0
for i = 1, 100 do x = x + tonumber(tostring(i + 0.5)) end
out[#out + 1] = "round trip sum " .. x
local mt2 = { __tostring = function(t) return tostring(t[1]) end }
local y = 0
for i = 1, 100 do y = y + tostring(setmetatable({ i }, mt2)) end
out[#out + 1] = "__tostring sum " .. y
return table.concat(out, "\n")
