-- Creates a global inside think: must fail with the variable, file, line and 'local'.
return {
  name = "Global", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    last_x = self.x
    return 0, 0
  end,
}
