-- expect: 3: attempt to create global variable "helper" (declare it with 'local')
local speed = 10
helper = function() return speed end
return { name = "G", hp = 3, speed = speed, radius = 10, color = "#ffffff", score = 1, think = helper }
