-- Writes a memory field it did not declare: must fail, naming it and listing the declared ones.
return {
  name = "Mem", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  memory = { count = "int" },
  think = function(self, world, mem)
    mem.cuont = 1
    return 0, 0
  end,
}
