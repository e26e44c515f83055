-- expect: error: score must be a whole number from 0 to 1000000 (got 3000000000)
return { name = "Rich", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 3e9,
  think = function() return 0, 0 end }
