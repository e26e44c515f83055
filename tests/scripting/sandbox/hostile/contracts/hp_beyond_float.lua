-- expect: error: hp must be a number from 0.01 to 1000000 (got 1e+39)
return { name = "Tank", hp = 1e39, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function() return 0, 0 end }
