-- __newindex: functions, tables (assignment goes to the other table),
-- only for absent keys, rawset-free patterns (no rawset in the sandbox:
-- the handler writes through a second table).  Adapted in part from
-- LuaJIT-test-cleanup test/lang/meta/newindex.lua.
local out = {}
local store = {}
local log = {}
local proxy = setmetatable({}, {
  __newindex = function(t, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v); store[k] = v end,
  __index = store,
})
proxy.a = 1
proxy.b = 2
proxy.a = 3
proxy[1] = "one"
out[#out + 1] = "proxy log " .. table.concat(log, " ") .. " read " .. proxy.a .. " " .. proxy[1] .. " raw " .. tostring(next(proxy))
-- __newindex is only consulted for absent keys
local count = 0
local t = setmetatable({ present = 1 }, { __newindex = function() count = count + 1 end })
t.present = 2
t.absent = 3
t.absent = 4
out[#out + 1] = "absent only " .. count .. " present=" .. t.present .. " absent=" .. tostring(t.absent)
-- __newindex as a table: the store goes there (and may chain further)
local target = {}
local redirect = setmetatable({}, { __newindex = target })
redirect.x = "X"
out[#out + 1] = "table __newindex " .. tostring(rawequal(next(redirect), nil)) .. " target.x=" .. tostring(target.x)
local final = {}
local second = setmetatable({}, { __newindex = final })
local first = setmetatable({}, { __newindex = second })
first.k = "v"
out[#out + 1] = "chained __newindex " .. tostring(next(second)) .. " " .. tostring(final.k)
-- transform values on the way in, like LuaJIT's test (100 - v), using a
-- backing table instead of rawset
local backing = {}
local tr = setmetatable({}, { __newindex = function(_, k, v) backing[k] = 100 - v end, __index = backing })
for i = 1, 100 do tr[i] = i end
local s = 0
for i = 1, 100 do s = s + tr[i] end
out[#out + 1] = "transform sum " .. s
-- assigning nil through __newindex
local nils = 0
local nt = setmetatable({}, { __newindex = function(_, _, v) if v == nil then nils = nils + 1 end end })
nt.a = nil
nt[1] = nil
out[#out + 1] = "nil stores " .. nils
-- errors
local ok, err = pcall(function() local ro = setmetatable({}, { __newindex = function(_, k) error("read-only: " .. k, 2) end }); ro.x = 1 end)
out[#out + 1] = "read-only " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() local bad = setmetatable({}, { __newindex = 42 }); bad.x = 1 end)
out[#out + 1] = "number __newindex " .. tostring(ok2) .. " " .. err2
local ok3, err3 = pcall(function() local t4 = {}; t4[nil] = 1 end)
out[#out + 1] = "nil key " .. tostring(ok3) .. " " .. err3
local ok4, err4 = pcall(function() local t5 = {}; t5[0 / 0] = 1 end)
out[#out + 1] = "nan key " .. tostring(ok4) .. " " .. err4
local ok5, err5 = pcall(function() local n = nil; n.x = 1 end)
out[#out + 1] = "index nil " .. tostring(ok5) .. " " .. err5
local ok6, err6 = pcall(function() local str = "s"; str.x = 1 end)
out[#out + 1] = "assign to string field " .. tostring(ok6) .. " " .. err6
-- counting stores from a jit loop (LuaJIT "gaining href")
local c2 = 0
local g = setmetatable({ foo = nil }, { __newindex = function() c2 = c2 + 1 end })
for _ = 1, 100 do g.foo = 1 end
out[#out + 1] = "loop stores " .. c2
return table.concat(out, "\n")
