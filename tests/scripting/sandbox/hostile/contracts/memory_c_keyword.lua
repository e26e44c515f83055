-- expect: error: memory field 'struct': a C keyword cannot be a field name
return { name = "Kw", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  memory = { struct = "int" }, think = function() return 0, 0 end }
