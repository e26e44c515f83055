-- expect: result: loads
-- A metatable answers `memory` differently on every read: a valid layout first, then junk that
-- once crashed the host or made the Lua and C++ layouts disagree. The table is read raw, once:
-- `memory` is not in it, so the script has no memory.
local reads = 0
return setmetatable({ name = "Flip", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function() return 0, 0 end }, {
  __index = function(_, k)
    if k ~= "memory" then return nil end
    reads = reads + 1
    if reads == 1 then return { a = "float" } end
    return { [("x"):rep(100)] = {}, b = 1 }
  end,
})
