-- Scores every hook call by its position in the sequence, so the final score tells the order:
-- on_spawn counts 1, on_hit 10, on_death 100, times the call's position.
local calls = 0
local function record(kind)
  calls = calls + 1
  arena.add_score(calls * kind)
end
return {
  name = "Recorder", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  memory = { counter = "int" },
  think = function(self, world, mem) return 0, 0 end,
  on_spawn = function(self)
    record(1)
    self.note = "spawned"
    self.counter = 7 -- memory written from a hook
  end,
  on_hit = function(self, damage, source)
    record(10)
    self.hits = (self.hits or 0) + 1
    self.attacker = source
  end,
  on_death = function(self, killer) record(100) end,
}
