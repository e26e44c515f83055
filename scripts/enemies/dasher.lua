-- Dasher: creeps closer, then locks onto where the player is heading and charges at four times
-- its creeping speed. After a charge it must recover before the next one: the cooldown and the
-- charge direction live in its memory, which the engine keeps between ticks.
local steer = require("steer")

local CHARGE_TICKS, RECOVER_TICKS, TRIGGER_RANGE = 26, 100, 380

return {
  name = "Dasher",
  hp = 6, speed = 520, radius = 15, color = "#8cff3c", score = 35,
  contact_damage = 22,
  memory = { charging = "int", cooldown = "int", dir_x = "float", dir_y = "float" },

  think = function(self, world, mem)
    local x, y = self.x, self.y
    if mem.charging > 0 then
      mem.charging = mem.charging - 1
      if mem.charging == 0 then mem.cooldown = RECOVER_TICKS end
      return mem.dir_x * self.speed, mem.dir_y * self.speed
    end
    if mem.cooldown > 0 then mem.cooldown = mem.cooldown - 1 end
    local ux, uy, d = steer.toward(x, y, world.player_x, world.player_y)
    if mem.cooldown == 0 and d < TRIGGER_RANGE then
      local tx, ty = steer.lead(x, y, world.player_x, world.player_y, world.player_vx, world.player_vy, self.speed)
      mem.dir_x, mem.dir_y = steer.toward(x, y, tx, ty)
      mem.charging = CHARGE_TICKS
    end
    local creep = self.speed * 0.22
    return ux * creep, uy * creep
  end,

  -- New dashers wait a little before their first charge, each a different time.
  on_spawn = function(self)
    self.cooldown = 30 + self.id % 50
  end,
}
