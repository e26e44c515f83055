-- expect: error: world has no field "flock2" (and world is read-only)
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) world.flock2 = function() end return 0, 0 end }
