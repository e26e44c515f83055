-- expect: error: world has no field "nearby" (and world is read-only)
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) world.nearby = function() return 1e9 end return 0, 0 end }
