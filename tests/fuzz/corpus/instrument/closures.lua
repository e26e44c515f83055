local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c = counter()
c() c()
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
return c(), fs[2](), (function(...) return ... end)(4, 5)
