-- Writes to its input view: must fail, naming the field.
return {
  name = "Writer", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    self.x = 5
    return 0, 0
  end,
}
