-- Writes to the world view: must fail, naming the field.
return {
  name = "WorldWriter", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    world.player_x = 0
    return 0, 0
  end,
}
