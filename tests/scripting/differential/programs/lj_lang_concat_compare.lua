-- Adapted from LuaJIT-test-cleanup test/lang/concat.lua and compare.lua:
-- concatenation in loops (constant folding, buffers, number conversion)
-- and the comparison operator matrix for numbers, strings and mixed
-- operands.
local out = {}
local y
for _ = 1, 100 do y = "a" .. "b" end
out[#out + 1] = "fold " .. y
for _ = 1, 100 do y = "ab" .. (1) .. "cd" .. (1.5) end
out[#out + 1] = "fold numbers " .. y
local x = "a"
for i = 1, 100 do y = x .. i end
out[#out + 1] = "int " .. y
for i = 1.5, 100.5 do y = x .. i end
out[#out + 1] = "float " .. y
local z
local x1, x2 = "xx", "yy"
for _ = 1, 100 do y = x1 .. "a" .. x1; z = x1 .. "a" .. x2 end
out[#out + 1] = "two buffers " .. y .. " " .. z
for i = 1, 100 do y = x .. "b"; z = y .. i end
out[#out + 1] = "append " .. y .. " " .. z
local acc = "a"
for _ = 1, 100 do acc = acc .. "bc" end
out[#out + 1] = "grow " .. #acc .. " " .. acc:sub(-5)
local s1, s2 = "xx", "yy"
for _ = 1, 100 do s1 = s1 .. "a"; s2 = s2 .. "b" end
out[#out + 1] = "parallel " .. #s1 .. " " .. #s2
local sunk
for i = 1, 200 do local v = x .. "b"; if i > 100 then sunk = v .. i end end
out[#out + 1] = "side exit " .. sunk
local lens = {}
for i, s in ipairs({ "a", "bc", "def" }) do
  for _ = 1, 16 do s = s .. s end
  lens[i] = #s .. ":" .. tostring(s:sub(1, 6) == s:sub(-6, -1))
end
out[#out + 1] = "doubling " .. table.concat(lens, " ")
-- comparison matrix
local vals = { -1, 0, 1, 1.5, 2 }
local row = {}
for _, p in ipairs(vals) do
  local r = {}
  for _, q in ipairs(vals) do
    r[#r + 1] = (p < q and "<" or "") .. (p <= q and "L" or "") .. (p > q and ">" or "") .. (p >= q and "G" or "") .. (p == q and "=" or "") .. (p ~= q and "~" or "")
  end
  row[#row + 1] = table.concat(r, " ")
end
out[#out + 1] = "numbers " .. table.concat(row, " | ")
local function str_cmp(a, b)
  return (a < b and "<" or "") .. (a > b and ">" or "") .. (a <= b and "L" or "") .. (a >= b and "G" or "")
end
out[#out + 1] = "strings " .. table.concat({ str_cmp("a", "b"), str_cmp("a", "a"), str_cmp("b", "a"), str_cmp("a", "aa"),
  str_cmp("aa", "a"), str_cmp("a", "a\0"), str_cmp("a\0", "a"), str_cmp("\255\255\255\255", "\1\1\1\1"), str_cmp("", "") }, " ")
local function eq(a, b) return (a == b and "=" or "") .. (a ~= b and "~" or "") end
local tt, tt2 = {}, {}
out[#out + 1] = "equality " .. table.concat({ eq(nil, nil), eq(nil, false), eq(false, false), eq(1, 1), eq("a", "a"), eq("a", 1),
  eq(1, "1"), eq(tt, tt), eq(tt, tt2), eq(tt, 1), eq(tt, "") }, " ")
local bit = require("bit")
local negs = 0
for i = 1, 100 do if bit.tobit(i + 0x7fffffff) < 0 then negs = negs + 1 end end
out[#out + 1] = "tobit compare " .. negs
local ok, err = pcall(function() local p, q = 10.5, nil; return p < q end)
out[#out + 1] = "number < nil " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() return "10" < 5 end)
out[#out + 1] = "string < number " .. tostring(ok2) .. " " .. err2
local f = { { n = 5 } }
out[#out + 1] = "parse_comp " .. tostring(1 < f[1].n) .. tostring(1 < (f[1].n)) .. tostring(not (0 >= f[1].n))
return table.concat(out, "\n")
