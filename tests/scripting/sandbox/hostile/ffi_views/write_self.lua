-- expect: error: attempt to write to read-only input 'self.hp'
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) self.hp = 1e9 return 0, 0 end }
