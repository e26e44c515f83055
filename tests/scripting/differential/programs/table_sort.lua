-- table.sort: default order for numbers and strings, comparators, __lt on
-- elements, 1,000 numbers from a fixed generator, stability-independent
-- checks, and the errors (invalid order function, mixed types).
-- Adapted in part from LuaJIT-test-cleanup test/lib/table/sort.lua (which
-- uses math.random; here a small LCG replaces it).
local out = {}
local seed = 42
local function rand(n)
  seed = (seed * 16807) % 2147483647  -- exact in doubles
  return seed % n + 1
end
local nums = {}
for i = 1, 1000 do nums[i] = rand(1000) end
table.sort(nums)
local okorder = true
for i = 2, #nums do if nums[i - 1] > nums[i] then okorder = false end end
local sum = 0
for i = 1, #nums do sum = sum + nums[i] * i end
out[#out + 1] = "1000 numbers sorted " .. tostring(okorder) .. " weighted sum " .. sum .. " first " .. nums[1] .. " last " .. nums[1000]
local strs = {}
for i = 1, 300 do strs[i] = tostring(rand(100)) end
table.sort(strs)
out[#out + 1] = "strings " .. table.concat(strs, ",", 1, 12) .. " ... " .. table.concat(strs, ",", 290, 300)
local words = { "banana", "Apple", "cherry", "apple", "Banana", "", "a", "B", "\0", "ä" }
table.sort(words)
out[#out + 1] = "words " .. string.format("%q", table.concat(words, "|"))
table.sort(words, function(a, b) return a > b end)
out[#out + 1] = "words desc " .. string.format("%q", table.concat(words, "|"))
local t = { 5, 3, 8, 1, 9, 2 }
table.sort(t, function(a, b) return a % 3 < b % 3 or (a % 3 == b % 3 and a < b) end)
out[#out + 1] = "by mod 3 " .. table.concat(t, ",")
local floats = { 1.5, -0.5, 1e10, -1e10, 0, 1 / 0, -1 / 0, 2^-1074 }
table.sort(floats)
local fs = {}
for i, v in ipairs(floats) do fs[i] = tostring(v) end
out[#out + 1] = "floats " .. table.concat(fs, ",")
-- __lt on elements
local mt = { __lt = function(a, b) return a.k < b.k end }
local objs = {}
for i = 1, 50 do objs[i] = setmetatable({ k = rand(30), id = i }, mt) end
table.sort(objs)
local ks = {}
for i = 1, #objs do ks[i] = objs[i].k end
out[#out + 1] = "__lt " .. table.concat(ks, ",")
-- records by two keys (ties broken explicitly, so the result is unique)
local recs = {}
for i = 1, 40 do recs[i] = { a = rand(5), b = i } end
table.sort(recs, function(x, y) if x.a ~= y.a then return x.a < y.a end return x.b > y.b end)
local rs = {}
for i = 1, #recs do rs[i] = recs[i].a .. ":" .. recs[i].b end
out[#out + 1] = "records " .. table.concat(rs, " ")
-- small and degenerate inputs
local e0, e1, e2 = {}, { 1 }, { 2, 1 }
table.sort(e0); table.sort(e1); table.sort(e2)
out[#out + 1] = "small " .. #e0 .. " " .. table.concat(e1, ",") .. " " .. table.concat(e2, ",")
local same = {}
for i = 1, 100 do same[i] = 7 end
table.sort(same)
out[#out + 1] = "all equal " .. same[1] .. same[100]
local rev = {}
for i = 1, 500 do rev[i] = 501 - i end
table.sort(rev)
out[#out + 1] = "reversed " .. rev[1] .. " " .. rev[250] .. " " .. rev[500]
-- comparator call count is not stable across implementations, so only
-- check that the comparator saw valid elements
local bad = 0
local chk = { 3, 1, 2 }
table.sort(chk, function(a, b) if type(a) ~= "number" then bad = bad + 1 end return a < b end)
out[#out + 1] = "comparator args ok " .. tostring(bad == 0) .. " " .. table.concat(chk, ",")
-- errors
local function e(...)
  local ok, err = pcall(table.sort, ...)
  return tostring(ok) .. " " .. tostring(err)
end
out[#out + 1] = "mixed types " .. e({ 1, "x", 2 })
out[#out + 1] = "tables without __lt " .. e({ {}, {} })
out[#out + 1] = "not a table " .. e("abc")
out[#out + 1] = "bad comparator " .. e({ 1, 2 }, "x")
local inv = {}
for i = 1, 20 do inv[i] = i end
out[#out + 1] = "invalid order function " .. e(inv, function(a, b) return true end)
local okc, errc = pcall(function() table.sort({ 3, 2, 1 }, function(a, b) error("cmp failed") end) end)
out[#out + 1] = "comparator raises " .. tostring(okc) .. " " .. errc
local okl, errl = pcall(function() local x = { 1, "2" }; table.sort(x); return x end)
out[#out + 1] = "mixed in Lua " .. tostring(okl) .. " " .. errl
return table.concat(out, "\n")
