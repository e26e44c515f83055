-- Keeps everything it ever made in a file-level table: fills its VM until the VM is retired.
local hoard = {}
return {
  name = "Hoarder", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    hoard[#hoard + 1] = string.rep("x", 20000) .. self.id .. world.tick
    return 0, 0
  end,
}
