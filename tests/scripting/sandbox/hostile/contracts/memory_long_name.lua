-- expect: error: memory field names must be identifiers of at most 32 characters
return { name = "Long", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  memory = { [("a"):rep(40)] = "int" }, think = function() return 0, 0 end }
