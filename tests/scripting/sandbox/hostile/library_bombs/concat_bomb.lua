-- expect: error: concat_bomb.lua:3: script exceeded its CPU budget
local t = {}
for i = 1, 40 do t[i] = string.rep("y", 4000000) end
return #table.concat(t)
