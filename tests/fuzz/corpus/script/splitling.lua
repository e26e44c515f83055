-- Splitling: what a splitter leaves behind. Small, quick, scatters first, then hunts.
local steer = require("steer")
local sin = math.sin

return {
  name = "Splitling",
  hp = 1, speed = 210, radius = 7, color = "#ffb070", score = 5,
  contact_damage = 6,

  think = function(self, world)
    local dx, dy = steer.toward(self.x, self.y, world.player_x, world.player_y)
    if self.age < 30 then -- the first half second: fly apart
      local a = self.id % 6.283
      return sin(a + 1.571) * self.speed, sin(a) * self.speed
    end
    return dx * self.speed, dy * self.speed
  end,
}
