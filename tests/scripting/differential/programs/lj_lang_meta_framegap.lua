-- Adapted from LuaJIT-test-cleanup test/lang/meta/framegap.lua: an __add
-- metamethod called from a function with a large frame, whose result
-- depends on the argument, in a loop.
local t = setmetatable({}, { __add = function(a, b)
  if b > 200 then
    for _ = 1, 10 do end
    return b + 3
  elseif b > 100 then
    return b + 2
  else
    return b + 1
  end
end })
local function f(tt, i)
  do return tt + i end
  -- force a large frame with unassigned slots below the metamethod call
  do local a, b, c, d, e, ff, g, h, ii, j, k end
end
local x, seen = 0, {}
for i = 1, 300 do
  x = f(t, i)
  if i % 100 == 0 or i == 101 or i == 201 then seen[#seen + 1] = i .. "->" .. x end
end
return "x=" .. x .. " " .. table.concat(seen, " ")
