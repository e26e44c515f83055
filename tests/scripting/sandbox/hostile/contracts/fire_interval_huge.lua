-- expect: error: fire_interval must be a whole number from 0 to 36000 (got 1000000000000)
return { name = "Slow", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1, fire_interval = 1e12,
  think = function() return 0, 0 end }
