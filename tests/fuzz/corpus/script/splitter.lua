-- Splitter: a slow blob that bursts into three splitlings when it dies (on_death runs on the
-- main VM and spawns them through arena.spawn).
local steer = require("steer")

return {
  name = "Splitter",
  hp = 8, speed = 80, radius = 18, color = "#ff8c3c", score = 30,
  contact_damage = 15,

  think = function(self, world)
    local dx, dy = steer.toward(self.x, self.y, world.player_x, world.player_y)
    return dx * self.speed, dy * self.speed
  end,

  on_death = function(self, killer)
    if not killer then return end -- despawned or spent on the player: no split
    for i = 0, 2 do
      local a = i * 2.094 + self.id % 7
      arena.spawn("splitling", self.x + math.cos(a) * 16, self.y + math.sin(a) * 16)
    end
    arena.burst(self.x, self.y, "#ff8c3c", 18)
  end,
}
