-- Chaser: runs straight at the player, weaving a little so a pack spreads into a fan.
local steer = require("steer")
local sin = math.sin

return {
  name = "Chaser",
  hp = 3, speed = 125, radius = 12, color = "#ff5a4a", score = 10,
  contact_damage = 10,

  think = function(self, world)
    local dx, dy = steer.toward(self.x, self.y, world.player_x, world.player_y)
    -- Each chaser weaves on its own phase (its id), so two never follow the same line.
    local weave = 0.45 * sin(self.age * 0.06 + self.id)
    local s = self.speed
    return (dx - dy * weave) * s, (dy + dx * weave) * s
  end,
}
