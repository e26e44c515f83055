-- expect: error: self has no field 10000000
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) return self[1e7], 0 end }
