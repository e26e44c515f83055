-- expect: error: attempt to write to read-only input 'world.player_hp'
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) world.player_hp = 0 return 0, 0 end }
