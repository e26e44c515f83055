-- Loops forever for some enemies, after the JIT has compiled the loop for others.
return {
  name = "Endless", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local n = 0
    local limit = self.id % 2 == 0 and math.huge or 1000
    while n < limit do n = n + 1 end
    return 1, 0
  end,
}
