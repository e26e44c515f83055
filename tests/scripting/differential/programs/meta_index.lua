-- __index: tables, functions, chains, rawness of the chain's last table,
-- errors while indexing.  Adapted in part from LuaJIT-test-cleanup
-- test/lang/meta/index.lua.
local out = {}
local base = { a = "base.a", shared = "base.shared" }
local mid = setmetatable({ b = "mid.b", shared = "mid.shared" }, { __index = base })
local top = setmetatable({ c = "top.c" }, { __index = mid })
out[#out + 1] = "chain " .. top.a .. " " .. top.b .. " " .. top.c .. " " .. top.shared .. " " .. tostring(top.zzz)
local log = {}
local fn = setmetatable({}, { __index = function(t, k) log[#log + 1] = tostring(k); return type(k) == "number" and 100 - k or nil end })
local sum = 0
for i = 1, 100 do sum = sum + fn[i] end
out[#out + 1] = "function __index sum " .. sum .. " calls " .. #log .. " foo=" .. tostring(fn.foo) .. " last key " .. log[#log]
for i = 1, 100 do fn[i] = i end
local sum2 = 0
for i = 1, 100 do sum2 = sum2 + fn[i] end
out[#out + 1] = "after raw sets " .. sum2 .. " calls " .. #log
for i = 1, 100 do fn[i] = nil end
local sum3 = 0
for i = 1, 100 do sum3 = sum3 + fn[i] end
out[#out + 1] = "after clearing " .. sum3 .. " calls " .. #log
-- __index function receives the original table, not the one in the chain
local seen
local inner = setmetatable({}, { __index = function(t, k) seen = t; return k .. "!" end })
local outer = setmetatable({}, { __index = inner })
out[#out + 1] = "receiver " .. outer.x .. " " .. tostring(rawequal(seen, inner)) .. " " .. tostring(rawequal(seen, outer))
-- __index is looked up raw in the metatable; a metatable's own metatable does not matter
local mt = setmetatable({}, { __index = { __index = function() return "via meta-meta" end } })
local t = setmetatable({}, mt)
out[#out + 1] = "meta-meta " .. tostring(t.anything)
-- changing __index after setmetatable takes effect
local mt2 = {}
local t2 = setmetatable({}, mt2)
local before = t2.k
mt2.__index = { k = "late" }
out[#out + 1] = "late __index " .. tostring(before) .. " " .. t2.k
-- non-string keys through __index
local keyed = setmetatable({}, { __index = function(_, k) return type(k) end })
out[#out + 1] = "key types " .. keyed[1] .. " " .. keyed[true] .. " " .. keyed[{}] .. " " .. keyed[1.5] .. " " .. keyed["s"]
-- errors
local ok, err = pcall(function() local x = setmetatable({}, { __index = function(_, k) error("no field " .. k) end }); return x.field end)
out[#out + 1] = "raising __index " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() local x = setmetatable({}, { __index = 5 }); return x.field end)
out[#out + 1] = "number __index " .. tostring(ok2) .. " " .. err2
local ok3, err3 = pcall(function() local x = setmetatable({}, { __index = "str" }); return type(x.len) .. " " .. type(x.upper) end)
out[#out + 1] = "string __index (string methods) " .. tostring(ok3) .. " " .. tostring(err3)
-- a long chain of 50 tables
local chain = { deep = "bottom" }
for i = 1, 50 do chain = setmetatable({ ["l" .. i] = i }, { __index = chain }) end
out[#out + 1] = "50-chain " .. chain.deep .. " " .. chain.l1 .. " " .. chain.l50
-- the "late __index in a loop" case from LuaJIT's newindex test
local keys = {}
for i = 1, 100 do keys[i] = "foo" end
keys[95] = "__index"
local mt3 = { foo = 1, __index = "" }
local t3 = setmetatable({ 1 }, mt3)
t3[1] = nil
mt3.__index = nil
local first
for i = 1, 100 do
  mt3[keys[i]] = function() return 12345 end
  if t3[1] and not first then first = i end
end
out[#out + 1] = "late __index in loop " .. tostring(first) .. " " .. tostring(t3[1])
return table.concat(out, "\n")
