-- expect: error: for_huge.lua:3: script exceeded its CPU budget
local x = 0
for i = 1, math.huge do x = x + i end
return x
