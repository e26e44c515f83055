-- Moves right at VX units per second; remembers its hits in its own table.
local VX = 10
return {
  name = "Mover", hp = 50, speed = 1000, radius = 10, color = "#ffffff", score = 1,
  memory = { ticks = "int", keep = "float", gone = "float" },
  think = function(self, world, mem)
    mem.ticks = mem.ticks + 1
    return VX, 0
  end,
  on_spawn = function(self)
    self.tag = "born in version 1"
    self.keep = 2.5
    self.gone = 7
  end,
}
