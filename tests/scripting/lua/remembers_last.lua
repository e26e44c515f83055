-- Impure: returns what the previous think saw (file-level state), so its result depends on the
-- order enemies think in.
local last = 0
return {
  name = "Remembers", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local v = last
    last = self.x
    return v * 0 + (v % 7), 0
  end,
}
