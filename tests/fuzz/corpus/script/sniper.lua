-- Sniper: keeps its distance, strafes sideways, and fires fast shots aimed where the player will
-- be. Backs off when the player closes in.
local steer = require("steer")
local sin = math.sin

local NEAR, FAR = 360, 480

return {
  name = "Sniper",
  hp = 4, speed = 95, radius = 13, color = "#3cc8ff", score = 30,
  contact_damage = 8, fire_interval = 110, bullet_speed = 560, bullet_damage = 10,
  memory = { panic = "int" },

  think = function(self, world, mem)
    local x, y = self.x, self.y
    local ux, uy, d = steer.toward(x, y, world.player_x, world.player_y)
    local approach = 0
    if d > FAR then approach = 1 elseif d < NEAR then approach = -1.3 end
    if mem.panic > 0 then -- just got hit: back off hard and hold fire
      mem.panic = mem.panic - 1
      local vx, vy = steer.scale_to(-ux, -uy, self.speed)
      return vx, vy
    end
    local strafe = sin(self.age * 0.02 + self.id) -- drifts left and right along the circle
    local wx, wy = steer.stay_inside(x, y, world.width, world.height, 60)
    local vx, vy = steer.scale_to(ux * approach - uy * strafe + wx * 2,
                                  uy * approach + ux * strafe + wy * 2, self.speed)
    local tx, ty = steer.lead(x, y, world.player_x, world.player_y, world.player_vx, world.player_vy, 560)
    local ax, ay = steer.toward(x, y, tx, ty)
    return vx, vy, d < FAR + 120, ax, ay
  end,

  -- Remembers who hit it, and panics for a second (memory written by the hook).
  on_hit = function(self, damage, source)
    self.hit_by = source
    self.panic = 60
  end,
}
