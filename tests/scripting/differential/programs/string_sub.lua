-- string.sub with negative, zero, out-of-range and non-integer indices.
-- Partly adapted from LuaJIT-test-cleanup test/lib/string/sub.lua.
local out = {}
local s = "abcdef"
-- Negative end indices and ends past the length are never run by the same
-- loop: LuaJIT 2.1.0-beta3's JIT can compile s:sub(i, j) recorded with
-- j > #s so that a later negative j reads as #s (see ../README.md, "A JIT
-- bug"), and the reference run has the JIT on.  Ends below -#s are checked
-- in straight-line code below.
local idx = { -100, -7, -6, -1, 0, 1, 2, 5, 6, 7, 100 }
local jdx = { -6, -1, 0, 1, 2, 5, 6 }
local jpast = { 7, 100 }
for _, i in ipairs(idx) do
  local row = {}
  for _, j in ipairs(jdx) do row[#row + 1] = "'" .. s:sub(i, j) .. "'" end
  for _, j in ipairs(jpast) do row[#row + 1] = "'" .. s:sub(i, j) .. "'" end
  out[#out + 1] = string.format("i=%4d: %s", i, table.concat(row, " "))
end
out[#out + 1] = "j below -len: '" .. s:sub(1, -7) .. "' '" .. s:sub(5, -7) .. "' '" .. s:sub(6, -100)
  .. "' '" .. s:sub(-100, -7) .. "' '" .. string.sub(s, 0, -7) .. "' '" .. string.sub(s, 7, -100) .. "'"
out[#out + 1] = "one arg " .. s:sub(3) .. " " .. s:sub(-2) .. " " .. s:sub(0) .. " " .. s:sub(100) .. "|"
out[#out + 1] = "floats " .. s:sub(2.9, 4.1) .. " " .. s:sub(-2.5) .. " " .. s:sub("2", "3")
out[#out + 1] = "number subject " .. string.sub(123456, 2, -2) .. " " .. string.sub(1.5, 2)
-- the subs of "bar" table from LuaJIT's test, computed rather than asserted
local subs = {}
for i = 1, 3 do
  for j = 1, 3 do
    local a, b, c, d = string.sub("bar", i, j), string.sub("bar", -4 + i, j), string.sub("bar", i, -4 + j), string.sub("bar", -4 + i, -4 + j)
    subs[#subs + 1] = a .. "/" .. b .. "/" .. c .. "/" .. d
  end
end
out[#out + 1] = "bar " .. table.concat(subs, " ")
-- char-by-char walk
local line = string.rep("..XX", 5)
local r = {}
local i = 1
local c = line:sub(i, i)
while c ~= "" do
  r[i] = c == "X" and "Y" or c
  i = i + 1
  c = line:sub(i, i)
end
out[#out + 1] = "walk " .. table.concat(r)
out[#out + 1] = "huge indices " .. s:sub(-2^40, 2^40) .. " " .. s:sub(2^31, -2^31) .. "|"
local function e(f)
  local ok, err = pcall(f)
  return tostring(ok) .. " " .. tostring(err)
end
out[#out + 1] = "err bool " .. e(function() local x = string.sub("abc", false); return x end)
out[#out + 1] = "err method bool " .. e(function() local x = ("abc"):sub(false); return x end)
out[#out + 1] = "err no index " .. e(function() local x = string.sub("abc"); return x end)
out[#out + 1] = "err bad j " .. e(function() local x = string.sub("abc", 1, "z"); return x end)
return table.concat(out, "\n")
