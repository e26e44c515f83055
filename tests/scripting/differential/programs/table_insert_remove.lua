-- table.insert and table.remove at positions, return values, errors.
-- Adapted in part from LuaJIT-test-cleanup test/lib/table/insert.lua and
-- remove.lua.
local out = {}
local function show(t, n)
  local r = {}
  for i = 1, n or #t do r[i] = tostring(t[i]) end
  return "{" .. table.concat(r, ",") .. "}"
end
local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "front")
table.insert(t, 2, "second")
table.insert(t, #t + 1, "end")
out[#out + 1] = "inserts " .. show(t) .. " #" .. #t
out[#out + 1] = "insert returns " .. select("#", table.insert(t, "x"))
out[#out + 1] = "remove last " .. tostring(table.remove(t)) .. " " .. show(t)
out[#out + 1] = "remove first " .. tostring(table.remove(t, 1)) .. " " .. show(t)
out[#out + 1] = "remove middle " .. tostring(table.remove(t, 2)) .. " " .. show(t)
out[#out + 1] = "remove at #t " .. tostring(table.remove(t, #t)) .. " " .. show(t)
local empty = {}
out[#out + 1] = "remove empty returns " .. select("#", table.remove(empty)) .. " values, #" .. #empty
out[#out + 1] = "remove empty pos 0? " .. tostring(pcall(table.remove, {}, 0))
local one = { "only" }
out[#out + 1] = "remove only " .. tostring(table.remove(one)) .. " #" .. #one
-- insert at positions in a 200-element array (LuaJIT's insert test)
local big = {}
for i = 1, 200 do big[i] = i end
for i = 101, 200 do table.insert(big, i, i) end
out[#out + 1] = "big insert #" .. #big .. " " .. big[101] .. " " .. big[200] .. " " .. big[300]
local r = {}
for i = 1, 200 do big[i] = i end
for i = 1, 100 do r[#r + 1] = table.remove(big, 1) end
out[#out + 1] = "remove front x100 " .. r[1] .. " " .. r[100] .. " #" .. #big .. " first now " .. big[1]
-- numeric-string position, float position
local s = { 1, 2, 3 }
table.insert(s, "2", "str")
table.insert(s, 1.0, "one")
out[#out + 1] = "coerced positions " .. show(s)
-- errors
local function e(f, ...)
  local ok, err = pcall(f, ...)
  return tostring(ok) .. " " .. tostring(err)
end
out[#out + 1] = "insert wrong args " .. e(table.insert, { 1 }, 1, 2, 3)
out[#out + 1] = "insert no value " .. e(table.insert, { 1 })
out[#out + 1] = "insert no table " .. e(table.insert, nil, 1)
out[#out + 1] = "insert bad pos " .. e(table.insert, { 1 }, "x", 2)
out[#out + 1] = "remove no table " .. e(table.remove)
out[#out + 1] = "remove bad pos " .. e(table.remove, { 1 }, "x")
local okL, errL = pcall(function() table.insert({}, 1, 2, 3) end)
out[#out + 1] = "insert wrong args in Lua " .. tostring(okL) .. " " .. errL
-- insert into a table with a __newindex: table.insert writes raw
local log = {}
local proxy = setmetatable({}, { __newindex = function(tt, k, v) log[#log + 1] = k end })
table.insert(proxy, "v")
out[#out + 1] = "raw insert " .. #log .. " " .. tostring(proxy[1])
return table.concat(out, "\n")
