-- expect: error: memory has more than 64 fields
local memory = {}
for i = 1, 1000 do memory["f" .. i] = "bool" end
return { name = "Many", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1, memory = memory,
  think = function() return 0, 0 end }
