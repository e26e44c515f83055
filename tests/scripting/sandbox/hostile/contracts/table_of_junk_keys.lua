-- expect: error: the returned table has more than 64 fields
local t = { name = "Junk", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1, think = function() return 0, 0 end }
for i = 1, 100000 do t[i] = i end
return t
