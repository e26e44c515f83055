-- Adapted from LuaJIT-test-cleanup test/lang/goto.lua: the runtime parts.
-- (The compile-error checks there use loadstring and are not adapted.)
local out = {}
-- forward jump, not an infinite loop
local passes = 0
::a:: do passes = passes + 1; goto a; ::a:: end -- the inner label: a forward jump
out[#out + 1] = "forward jump passes " .. passes
-- trailing labels are out of the scope of the block's locals
local x = 11
do
  goto lbl
  goto lbl
  local y = 22
  x = y
  ::lbl::
  ::other::
end
out[#out + 1] = "trailing label x=" .. x
-- cross jumping
local c = 1
while true do
  goto b
  ::a:: if c < 100 then goto cc end
  goto d
  ::b:: c = c + 1; goto a
  ::cc::
end
::d::
out[#out + 1] = "cross jumping " .. c
-- backwards goto closes the upvalue
local fs = {}
local i = 1
::top::
local cap
fs[i] = function() return cap end
cap = i
i = i + 1
if i <= 2 then goto top end
out[#out + 1] = "backward closes " .. fs[1]() .. " " .. fs[2]()
-- break closes the upvalue even when the closure is made after the break
local foo
repeat
  local v
  ::again::
  if v then break end
  foo = function() return v end
  v = true
  goto again
until false
out[#out + 1] = "break closes " .. tostring(foo())
-- a label keeps a local from being merged with an earlier nil
local k = 0
local z
::foo::
local yv
local was_nil = yv == nil
yv = true
k = k + 1
if k < 2 then goto foo end
out[#out + 1] = "label vs KNIL " .. tostring(was_nil) .. " " .. k
-- break resolved from the right scope
local function p(lvl)
  lvl = lvl or 1
  local steps = 0
  while true do
    lvl = lvl + 1
    if lvl > 3 then break end
    local idx = 1
    while true do
      if idx > 2 then break end
      idx = idx + 1
      steps = steps + 1
    end
  end
  return steps
end
out[#out + 1] = "break scope " .. p()
-- UCLO not joined twice
local loops = 0
while true do
  do local q; local function f() return q end; loops = loops + 1 end
  break
end
while true do
  do local q; local function f() return q end; loops = loops + 1 end
  goto done
end
::done::
out[#out + 1] = "uclo " .. loops .. tostring(z)
return table.concat(out, "\n")
