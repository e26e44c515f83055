-- expect: error: memory has no field 0
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  memory = { a = "int" },
  think = function(self, world, mem) mem[0] = 5 return 0, 0 end }
