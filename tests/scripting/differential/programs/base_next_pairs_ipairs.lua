-- next, pairs, ipairs: traversal results (sorted where order is not
-- defined), stopping at holes, modifying during traversal, errors.
-- Adapted in part from LuaJIT-test-cleanup test/lib/base/next.lua,
-- pairs.lua and ipairs.lua.
local out = {}
local function keys(t)
  local ks = {}
  for k, v in pairs(t) do ks[#ks + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(ks)
  return #ks .. "{" .. table.concat(ks, " ") .. "}"
end
out[#out + 1] = "pairs " .. keys({ 1, 2, 3, x = "a", y = "b", [10] = 10, [1.5] = "f", [true] = "t" })
out[#out + 1] = "count holes " .. keys({ 4, 5, 6, nil, 8, nil, 10 })
out[#out + 1] = "count [0] " .. keys({ [0] = 3, 4, 5, 6, nil, 8, nil, 10 })
local t = { foo = 1, bar = 2, baz = 3, boo = 4 }
t.bar = nil; t.boo = nil
out[#out + 1] = "after removal " .. keys(t)
-- ipairs stops at the first nil
local r = {}
for i, v in ipairs({ 1, 2, nil, 4 }) do r[#r + 1] = i .. ":" .. v end
out[#out + 1] = "ipairs hole " .. table.concat(r, " ")
r = {}
for i, v in ipairs({ [0] = 0, 1, 2, x = 3 }) do r[#r + 1] = i .. ":" .. v end
out[#out + 1] = "ipairs [0] and hash " .. table.concat(r, " ")
r = {}
for i, v in ipairs({ [1] = "a", [2] = "b", [4] = "d" }) do r[#r + 1] = i .. ":" .. v end
out[#out + 1] = "ipairs constructor keys " .. table.concat(r, " ")
-- ipairs reads the table raw (no __index) in LuaJIT 2.1 without 5.2 compat;
-- an empty proxy table yields nothing.
local proxy = setmetatable({}, { __index = function(_, i) if i <= 3 then return i * 10 end end })
r = {}
for i, v in ipairs(proxy) do r[#r + 1] = i .. ":" .. v end
out[#out + 1] = "ipairs proxy " .. #r .. " " .. table.concat(r, " ")
-- what ipairs and pairs return
local f1, s1, c1 = ipairs({})
local f2, s2, c2 = pairs({})
out[#out + 1] = "ipairs returns " .. type(f1) .. " " .. type(s1) .. " " .. tostring(c1)
out[#out + 1] = "pairs returns " .. type(f2) .. " " .. type(s2) .. " " .. tostring(c2) .. " " .. tostring(rawequal(f2, next))
-- next directly
out[#out + 1] = "next empty " .. tostring(next({}))
local k1, v1 = next({ "only" })
out[#out + 1] = "next one " .. tostring(k1) .. " " .. tostring(v1) .. " then " .. tostring(next({ "only" }, 1))
local ok, err = pcall(next, {}, "nokey")
out[#out + 1] = "next bad key " .. tostring(ok) .. " " .. tostring(err)
local ok2, err2 = pcall(next)
out[#out + 1] = "next() " .. tostring(ok2) .. " " .. tostring(err2)
local ok3, err3 = pcall(function() local a, b = next(nil); return a end)
out[#out + 1] = "next(nil) in Lua " .. tostring(ok3) .. " " .. tostring(err3)
local ok4, err4 = pcall(function() for _ in pairs(nil) do end end)
out[#out + 1] = "pairs(nil) " .. tostring(ok4) .. " " .. tostring(err4)
local ok5, err5 = pcall(function() for _ in ipairs("str") do end end)
out[#out + 1] = "ipairs(str) " .. tostring(ok5) .. " " .. tostring(err5)
-- clearing fields during traversal is allowed
local big = {}
for i = 1, 50 do big["k" .. i] = i end
local sum, n = 0, 0
for k, v in pairs(big) do big[k] = nil; sum = sum + v; n = n + 1 end
out[#out + 1] = "clear during pairs " .. n .. " " .. sum .. " left " .. tostring(next(big))
-- next used as an explicit iterator, nested, from LuaJIT's next test
local tt = { foo = 9, bar = 10, 4, 5, 6 }
local seen = {}
local function walk(nx)
  for k, v in nx, tt, nil do seen[#seen + 1] = tostring(k); if v == 5 then walk(function() end) end end
end
walk(next)
table.sort(seen)
out[#out + 1] = "explicit next " .. table.concat(seen, ",")
-- the sums from LuaJIT's pairs test
local s = {}
for i = 1, 10 do s[i] = i + 100 end
local a, b = 0, 0
for _ = 1, 100 do for k, v in ipairs(s) do a = a + k; b = b + v end end
local c, d = 0, 0
for _ = 1, 100 do for k, v in pairs(setmetatable(s, {})) do c = c + k; d = d + v end end
out[#out + 1] = "sums " .. a .. " " .. b .. " " .. c .. " " .. d
return table.concat(out, "\n")
