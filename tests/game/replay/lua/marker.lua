-- Marker: a test enemy the replay tests edit through the inspector: its table (mood) and its
-- memory (level, which its think reads), and whose think fails once for one enemy (fault_at).
return {
  name = "Marker",
  hp = 4, speed = 60, radius = 10, color = "#40c0ff", score = 5,
  memory = { level = "int" },

  think = function(self, world, mem)
    if self.age == 45 and self.id % 3 == 0 then
      error("marker " .. self.id .. " gave up at age 45")
    end
    local dx, dy = world.player_x - self.x, world.player_y - self.y
    local d = math.sqrt(dx * dx + dy * dy) + 1
    local s = self.speed * (1 + mem.level)
    return dx / d * s, dy / d * s
  end,

  on_spawn = function(self)
    self.mood = 1
  end,
  on_hit = function(self)
    self.mood = self.mood + 1
  end,
}
