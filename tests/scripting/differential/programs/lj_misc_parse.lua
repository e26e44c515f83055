-- Adapted from LuaJIT-test-cleanup test/misc/parse_esc.lua, parse_misc.lua,
-- parse_comp.lua and test/lang/constant/number.lua: the parts that do not
-- need loadstring.  (Invalid escapes and the "ambiguous syntax" newline
-- before a call are compile errors, checked there with loadstring; not
-- adapted.)
local out = {}
out[#out + 1] = "escapes " .. tostring("\79\126" == "O~") .. tostring("\x4f\x7e" == "O~")
out[#out + 1] = "z escape " .. string.format("%q", "abc   \z

   def")
local ä = 1
local aäa = 2
local äöü·€晶 = 3
out[#out + 1] = "utf8 names " .. ä .. aäa .. äöü·€晶 .. " lengths " .. #"ä" .. " " .. #"aäa" .. " " .. #"äöü·€晶"
out[#out + 1] = "exp " .. tostring(1e5 == 100000) .. tostring(1e+5 == 100000) .. tostring(1e-5 == 0.00001)
out[#out + 1] = "hex exp " .. (0xe+9) .. " " .. 0xep9 .. " " .. 0xep+9 .. " " .. 0xep-9
-- (a call whose '(' starts a new line is "ambiguous syntax" in LuaJIT 2.1,
-- a compile error, so it cannot appear in a valid program)
local function f() return 99 end
local r = f(
)
out[#out + 1] = "call across lines " .. tostring(r)
return table.concat(out, "\n")
