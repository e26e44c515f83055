-- Counts its own ticks in engine memory, and reports the count as its velocity.
return {
  name = "Counter", hp = 3, speed = 1000, radius = 10, color = "#ffffff", score = 1,
  memory = { ticks = "int", last = "float" },
  think = function(self, world, mem)
    mem.ticks = mem.ticks + 1
    mem.last = self.rand
    return mem.ticks, self.rand
  end,
}
