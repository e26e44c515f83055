-- Swarm: small and fragile, arrives in flocks. Each one steers by its neighbours (separation,
-- alignment, cohesion: world.flock does the neighbour loop) while the flock homes in on the player.
local steer = require("steer")

return {
  name = "Swarm",
  hp = 1, speed = 165, radius = 7, color = "#ffd23c", score = 4,
  contact_damage = 5,

  think = function(self, world)
    local sx, sy, ax, ay, cx, cy, n = world.flock(70)
    local hx, hy = steer.toward(self.x, self.y, world.player_x, world.player_y)
    local s = self.speed
    -- Weights: seek the player, keep apart (separation is 1/d weighted), fly together.
    local vx = hx * 1.0 + sx * 18 + ax / s * 0.6 + cx * 0.012
    local vy = hy * 1.0 + sy * 18 + ay / s * 0.6 + cy * 0.012
    return steer.scale_to(vx, vy, s)
  end,
}
