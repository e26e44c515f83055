-- upper, lower, reverse, len over all bytes and assorted inputs.
-- Adapted from LuaJIT-test-cleanup test/lib/string/lower_upper.lua,
-- len.lua, reverse.lua and multiple_functions.lua.
local out = {}
local all = {}
for b = 0, 255 do all[#all + 1] = string.char(b) end
all = table.concat(all)
local function diff(a, b)
  local r = {}
  for i = 1, #a do
    if a:byte(i) ~= b:byte(i) then r[#r + 1] = a:byte(i) .. ">" .. b:byte(i) end
  end
  return #r .. ": " .. table.concat(r, " ")
end
out[#out + 1] = "upper changes " .. diff(all, all:upper())
out[#out + 1] = "lower changes " .. diff(all, all:lower())
out[#out + 1] = "smoke " .. ("abc123DEF_<>"):lower() .. " " .. ("abc123DEF_<>"):upper()
out[#out + 1] = "numbers " .. string.upper(1234) .. " " .. string.lower(1e100) .. " " .. string.reverse(1234) .. " " .. string.len(123) .. " " .. string.len(1.5)
out[#out + 1] = "reverse " .. string.reverse("abc") .. " " .. ("a\0b"):reverse():byte(1, -1) .. " " .. ("") :reverse() .. "|"
out[#out + 1] = "reverse all " .. tostring(all:reverse():reverse() == all) .. " " .. all:reverse():byte(1) .. " " .. all:reverse():byte(-1)
out[#out + 1] = "len " .. string.len("") .. " " .. #"a\0b" .. " " .. ("héllo"):len() .. " " .. #all
-- from multiple_functions.lua
local t, y = {}, {}
for i = 1, 100 do t[i] = string.char(i, 16 + i, 32 + i) end
for i = 1, 100 do t[i] = string.reverse(t[i]) end
local r100 = { t[100]:byte(1, -1) }
for i = 1, 100 do t[i] = string.reverse(t[i]) end
for i = 1, 100 do y[i] = string.upper(t[i]) end
out[#out + 1] = "multi " .. table.concat(r100, ",") .. " " .. y[65] .. " " .. y[97]:byte(3) .. " " .. y[100]:byte(3)
local s = "the quick brown fox..."
for _ = 1, 10 do s = s:upper():lower() end
out[#out + 1] = "repeated " .. s
local function e(f, ...)
  local ok, err = pcall(f, ...)
  return tostring(ok) .. " " .. tostring(err)
end
out[#out + 1] = "len() " .. e(string.len)
out[#out + 1] = "len(false) " .. e(string.len, false)
out[#out + 1] = "upper({}) " .. e(string.upper, {})
local ok, err = pcall(function() local n = string.len(); return n end)
out[#out + 1] = "len() in Lua " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() local n = string.lower(nil); return n end)
out[#out + 1] = "lower(nil) in Lua " .. tostring(ok2) .. " " .. err2
return table.concat(out, "\n")
