-- pcall and error: levels 0/1/2/3, errors from nested functions, error
-- objects that are tables, numbers, nil, booleans; pcall with no
-- arguments and of itself; nested pcall 100 deep.
-- Partly adapted from LuaJIT-test-cleanup test/lib/base/error.lua,
-- assert.lua and pcall_jit.lua.
local out = {}
local function show(...)
  local r = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    r[i] = type(v) == "table" and ("table:" .. tostring(v.tag)) or (type(v) .. ":" .. tostring(v))
  end
  return select("#", ...) .. " " .. table.concat(r, " ")
end
out[#out + 1] = "pcall() " .. show(pcall(pcall))
out[#out + 1] = "pcall(pcall) in pcall " .. show(pcall(function() return pcall() end))
out[#out + 1] = "pcall(error) " .. show(pcall(error))
out[#out + 1] = "pcall(error, m) " .. show(pcall(error, "m"))
out[#out + 1] = "pcall(error, m, 0) " .. show(pcall(error, "m", 0))
out[#out + 1] = "pcall(error, m, 1) " .. show(pcall(error, "m", 1))
out[#out + 1] = "pcall(error, m, 2) " .. show(pcall(error, "m", 2))
out[#out + 1] = "pcall(error, m, 3) " .. show(pcall(error, "m", 3))
out[#out + 1] = "pcall(error, nil) " .. show(pcall(error, nil))
out[#out + 1] = "pcall(error, 42) becomes a string " .. show(pcall(error, 42))
out[#out + 1] = "error(42, 1) in Lua: the number becomes a string with a position " .. show(pcall(function() error(42, 1) end))
out[#out + 1] = "pcall(error, true) " .. show(pcall(error, true))
out[#out + 1] = "pcall(error, table) " .. show(pcall(error, { tag = "obj" }))
out[#out + 1] = "success values " .. show(pcall(function(...) return ... end, 1, nil, "x"))
out[#out + 1] = "no results " .. show(pcall(function() end))

local function lvl0() error("level 0 msg", 0) end
local function lvl1() error("level 1 msg") end
local function lvl2() error("level 2 msg", 2) end
local function lvl3() error("level 3 msg", 3) end
local function caller(f)
  f()   -- line of the call for level 2
  return "unreached"
end
local function caller2(f)
  caller(f)   -- line of the call for level 3
  return "unreached"
end
out[#out + 1] = "level 0 " .. show(pcall(caller2, lvl0))
out[#out + 1] = "level 1 " .. show(pcall(caller2, lvl1))
out[#out + 1] = "level 2 " .. show(pcall(caller2, lvl2))
out[#out + 1] = "level 3 " .. show(pcall(caller2, lvl3))
out[#out + 1] = "level 50 " .. show(pcall(caller2, function() error("deep level", 50) end))

-- errors raised by the VM inside nested functions carry the inner position
local function inner() local t = nil; return t.field end
local function middle() local v = inner(); return v end
out[#out + 1] = "vm error " .. show(pcall(middle))
out[#out + 1] = "arith error " .. show(pcall(function() local a = {} return a + 1 end))
out[#out + 1] = "call error " .. show(pcall(function() local notfn = 3; notfn() end))
out[#out + 1] = "compare error " .. show(pcall(function() return {} < {} end))
out[#out + 1] = "compare mixed " .. show(pcall(function() return 1 < "2" end))
out[#out + 1] = "concat error " .. show(pcall(function() return "a" .. {} end))
out[#out + 1] = "index upvalue " .. show(pcall(function() return out.x.y end))
out[#out + 1] = "length error " .. show(pcall(function() local n = 5; return #n end))
out[#out + 1] = "unary minus error " .. show(pcall(function() local t = {}; return -t end))

-- error objects pass through untouched, also through nested pcalls
local obj = { tag = "payload" }
local ok, e = pcall(function() local ok2, e2 = pcall(error, obj); error(e2) end)
out[#out + 1] = "rethrow table " .. tostring(ok) .. " " .. tostring(rawequal(e, obj))
local ok3, e3 = pcall(function() local ok4, e4 = pcall(error, "inner msg"); error(e4, 0) end)
out[#out + 1] = "rethrow string level 0 " .. tostring(ok3) .. " " .. e3
local ok5, e5 = pcall(function() local ok6, e6 = pcall(error, "inner msg"); error(e6) end)
out[#out + 1] = "rethrow string level 1 " .. tostring(ok5) .. " " .. e5

-- assert
out[#out + 1] = "assert pass " .. show(assert(1, 2, 3))
out[#out + 1] = "assert nil " .. show(pcall(assert, nil))
out[#out + 1] = "assert false msg " .. show(pcall(assert, false, "custom"))
out[#out + 1] = "assert table msg " .. show(pcall(assert, false, { tag = "assert obj" }))
out[#out + 1] = "assert number msg " .. show(pcall(assert, nil, 12))
out[#out + 1] = "assert() " .. show(pcall(assert))
out[#out + 1] = "assert in Lua " .. show(pcall(function() local x = assert(false); return x end))
out[#out + 1] = "assert msg in Lua " .. show(pcall(function() local x = assert(1 == 2, "one is not two"); return x end))

-- nested pcall about 100 deep, error at the bottom
local function nest(n)
  if n == 0 then error("bottom", 0) end
  local okn, en = pcall(nest, n - 1)
  if not okn then error(en .. "<" .. n, 0) end
end
local okd, ed = pcall(nest, 100)
out[#out + 1] = "nested " .. tostring(okd) .. " " .. #ed .. " " .. ed:sub(1, 30) .. " ... " .. ed:sub(-12)
-- pcall(pcall, pcall, f, x) from LuaJIT's pcall_jit test
local x = 0
for i = 1, 200 do
  local ok1, ok2, ok7, y = pcall(pcall, pcall, function(v) if v >= 175 then error("test", 0) end return v end, i)
  if ok1 and ok2 and ok7 then x = x + y end
  if i == 180 then out[#out + 1] = "pcall^3 failure " .. show(ok1, ok2, ok7, y) end
end
out[#out + 1] = "pcall^3 sum " .. x
return table.concat(out, "\n")
