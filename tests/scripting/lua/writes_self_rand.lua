-- Writes to self.rand, which is computed when read: as read-only as the other fields.
return {
  name = "WritesSelfRand", hp = 1, speed = 10, radius = 5, color = "#ffffff", score = 1,
  think = function(self, world)
    self.rand = 0.5
    return 0, 0
  end,
}
