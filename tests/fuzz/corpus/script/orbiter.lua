-- Orbiter: settles on a ring around the player and circles it, lobbing a slow shot now and then.
-- Half of them turn clockwise, half counter-clockwise (by id), which boxes the player in.
local steer = require("steer")

local RING = 230

return {
  name = "Orbiter",
  hp = 5, speed = 170, radius = 14, color = "#4ad98a", score = 20,
  contact_damage = 12, fire_interval = 150, bullet_speed = 260, bullet_damage = 6,

  think = function(self, world)
    local px, py = world.player_x, world.player_y
    local ux, uy, d = steer.toward(px, py, self.x, self.y) -- from the player out to me
    local turn = self.id % 2 < 1 and 1 or -1
    local radial = (RING - d) / RING * 2.2                  -- spring towards the ring
    local vx, vy = steer.scale_to(-uy * turn + ux * radial, ux * turn + uy * radial, self.speed)
    return vx, vy, d < RING * 1.4, -ux, -uy
  end,
}
