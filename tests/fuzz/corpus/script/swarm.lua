-- Swarm: small and fragile, arrives in flocks. Each one steers by its neighbours (separation,
-- alignment, cohesion: world.flock does the neighbour loop) while the flock homes in on the player.
local steer = require("steer")

local RADIUS = 60

return {
  name = "Swarm",
  hp = 1, speed = 165, radius = 7, color = "#ffd23c", score = 4,
  contact_damage = 5,

  think = function(self, world)
    local sx, sy, ax, ay, cx, cy = world.flock(RADIUS)
    local hx, hy = steer.toward(self.x, self.y, world.player_x, world.player_y)
    local s = self.speed
    -- Weights: seek the player, keep apart, match the flock's heading, stay with the flock.
    local vx = hx + sx * (2.5 / RADIUS) + ax / s * 0.6 + cx * 0.012
    local vy = hy + sy * (2.5 / RADIUS) + ay / s * 0.6 + cy * 0.012
    return steer.scale_to(vx, vy, s)
  end,
}
