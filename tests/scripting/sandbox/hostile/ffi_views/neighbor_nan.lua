-- expect: error: index out of range
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) world.nearby(100) return world.neighbor(0 / 0), 0 end }
