-- Returns its two randoms as its velocity: what self.rand and self.rand2 read, to compare.
return {
  name = "Dice", hp = 1, speed = 10, radius = 5, color = "#ffffff", score = 1,
  think = function(self, world)
    return self.rand, self.rand2
  end,
}
