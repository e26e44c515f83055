-- table.concat with separators, numbers, ranges, the error for a bad
-- element; table.maxn.  Adapted in part from LuaJIT-test-cleanup
-- test/lib/table/concat.lua.
local out = {}
local t = { 1, 2.5, "x", -3, 1e100, 2^53 }
out[#out + 1] = "plain " .. table.concat(t)
out[#out + 1] = "sep " .. table.concat(t, ", ")
out[#out + 1] = "number sep " .. table.concat({ "a", "b", "c" }, 0)
out[#out + 1] = "range " .. table.concat(t, "-", 2, 4)
out[#out + 1] = "range one " .. table.concat(t, "-", 3, 3)
out[#out + 1] = "empty range " .. "[" .. table.concat(t, "-", 4, 3) .. "]"
out[#out + 1] = "empty table " .. "[" .. table.concat({}) .. "][" .. table.concat({}, "x") .. "]"
out[#out + 1] = "float range " .. table.concat(t, "|", 1.5, 3.5)
out[#out + 1] = "string range " .. table.concat(t, "|", "2", "3")
out[#out + 1] = "negative keys " .. table.concat({ [-1] = "m", [0] = "z", "a" }, ",", -1, 1)
out[#out + 1] = "nul sep " .. string.format("%q", table.concat({ "a", "b" }, "\0"))
local function e(...)
  local ok, err = pcall(table.concat, ...)
  return tostring(ok) .. " " .. tostring(err)
end
out[#out + 1] = "table element " .. e({ 1, {}, 3 })
out[#out + 1] = "boolean element " .. e({ 1, true })
out[#out + 1] = "nil element in range " .. e({ 1, 2 }, ",", 1, 3)
out[#out + 1] = "hole " .. e({ [1] = 4, [3] = 6 }, "", 1, 3)
out[#out + 1] = "bad sep " .. e({ 1 }, {})
out[#out + 1] = "no table " .. e()
local okL, errL = pcall(function() local s = table.concat({ "a", {} }, ","); return s end)
out[#out + 1] = "in Lua " .. tostring(okL) .. " " .. errL
-- concat after mutation (LuaJIT: must not be CSE'd)
local m = { 1, 2, 3 }
local y, z
for i = 1, 100 do
  y = table.concat(m, "x", 1, 3)
  m[2] = i
  z = table.concat(m, "x", 1, 3)
end
out[#out + 1] = "mutation " .. y .. " " .. z
-- q[i] concat loop from the LuaJIT test
local q = {}
for i = 1, 100 do q[i] = { 9, 8, 7 } end
q[90] = { 4, 5, 6 }
q[91] = {}
q[92] = { 9 }
for i = 1, 100 do q[i] = table.concat(q[i], "x") end
out[#out + 1] = "loop " .. q[89] .. " " .. q[90] .. " [" .. q[91] .. "] " .. q[92]
-- maxn
out[#out + 1] = "maxn " .. table.maxn({}) .. " " .. table.maxn({ 1, 2, 3 }) .. " " .. table.maxn({ [10] = 1, [2.5] = 1, x = 1 })
  .. " " .. table.maxn({ [-5] = 1 }) .. " " .. table.maxn({ 1, nil, nil, 4 }) .. " " .. table.maxn({ [1e300] = true })
local okm, errm = pcall(table.maxn, "x")
out[#out + 1] = "maxn error " .. tostring(okm) .. " " .. tostring(errm)
return table.concat(out, "\n")
