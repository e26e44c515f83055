-- expect: error: is not callable
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) return self(), 0 end }
