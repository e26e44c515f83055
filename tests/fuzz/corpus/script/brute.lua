-- Brute: heavy and slow, until it has been hit three times: then it enrages and charges at twice
-- the speed, glowing. on_hit counts hits in the brute's own Lua table and writes `enraged` into
-- its memory, which its think reads on the next tick.
local steer = require("steer")

return {
  name = "Brute",
  hp = 16, speed = 150, radius = 22, color = "#b45aff", score = 60,
  contact_damage = 25,
  memory = { enraged = "bool" },

  think = function(self, world, mem)
    local dx, dy = steer.toward(self.x, self.y, world.player_x, world.player_y)
    local s = mem.enraged and self.speed or self.speed * 0.4
    return dx * s, dy * s
  end,

  on_hit = function(self, damage, source)
    self.hits = (self.hits or 0) + 1
    self.last_attacker = source -- remembers who hit it (the player's object)
    if self.hits == 3 then
      self.enraged = true       -- memory field: the engine keeps it, think sees it
      arena.burst(self.x, self.y, "#ff3cff", 24)
    end
  end,
}
