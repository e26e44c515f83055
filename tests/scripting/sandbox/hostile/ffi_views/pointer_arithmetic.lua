-- expect: error: attempt to perform arithmetic
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) local p = self + 1 return p.x, 0 end }
