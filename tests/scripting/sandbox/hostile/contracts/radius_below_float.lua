-- expect: error: radius must be a number from 0.5 to 200 (got 1e-46)
return { name = "Dot", hp = 3, speed = 10, radius = 1e-46, color = "#ffffff", score = 1,
  think = function() return 0, 0 end }
