-- Adapted from LuaJIT-test-cleanup test/lang/upvalue/closure.lua and
-- test/misc/uclo.lua: fresh upvalues per loop iteration in for, while,
-- repeat; closures from a factory; a recursive type change; an upvalue
-- written after the closure was made.
local out = {}
local function firstlast(make)
  local z1, z2 = make()
  return z1() .. "," .. z2()
end
out[#out + 1] = "for " .. firstlast(function()
  local z1, z2
  for i = 1, 10 do local function f() return i end; if z1 then z2 = f else z1 = f end end
  return z1, z2
end)
out[#out + 1] = "while " .. firstlast(function()
  local z1, z2
  local i = 1
  while i <= 10 do local j = i; local function f() return j end; if z1 then z2 = f else z1 = f end; i = i + 1 end
  return z1, z2
end)
out[#out + 1] = "repeat " .. firstlast(function()
  local z1, z2
  local i = 1
  repeat local j = i; local function f() return j end; if z1 then z2 = f else z1 = f end; i = i + 1 until i > 10
  return z1, z2
end)
out[#out + 1] = "factory " .. firstlast(function()
  local function ff(x) return function() return x end end
  local z1, z2
  for i = 1, 10 do local f = ff(i); if z1 then z2 = f else z1 = f end end
  return z1, z2
end)
local function f1(a)
  if a > 0 then
    local b = f1(a - 1)
    return function()
      if type(b) == "function" then return a + b() end
      return a + b
    end
  end
  return a
end
local r = 0
for _ = 1, 41 do r = f1(4)() + f1(4)() end
out[#out + 1] = "recursive type change " .. r
local up = 1
local function g()
  local s = 0
  for _ = 1, 100 do s = s + up end
  return s
end
local before = g()
up = 2
out[#out + 1] = "written after " .. before .. " " .. g()
-- shared upvalue between two closures, and a closure outliving its scope
local get, set
do
  local shared = "initial"
  get = function() return shared end
  set = function(v) shared = v end
end
set("changed")
out[#out + 1] = "shared " .. get()
-- counters created in a loop are independent
local counters = {}
for i = 1, 3 do
  local n = i * 100
  counters[i] = function() n = n + 1; return n end
end
counters[1](); counters[1](); counters[3]()
out[#out + 1] = "counters " .. counters[1]() .. " " .. counters[2]() .. " " .. counters[3]()
-- upvalue of an upvalue, three levels
local function l1()
  local v = 1
  return function()
    v = v + 1
    return function() v = v * 10; return v end
  end
end
local l2 = l1()
local l3 = l2()
out[#out + 1] = "three levels " .. l3() .. " " .. l2()() .. " " .. l3()
return table.concat(out, "\n")
