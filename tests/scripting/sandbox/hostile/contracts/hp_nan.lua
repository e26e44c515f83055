-- expect: error: hp must be a number from 0.01 to 1000000 (got nan)
return { name = "NaN", hp = 0 / 0, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function() return 0, 0 end }
