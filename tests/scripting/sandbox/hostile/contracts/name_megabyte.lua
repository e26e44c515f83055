-- expect: error: name must be a string of 1 to 64 characters
return { name = ("x"):rep(1048576), hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function() return 0, 0 end }
