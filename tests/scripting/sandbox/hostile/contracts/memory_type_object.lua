-- expect: error: memory must map field names to type names
return { name = "Obj", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  memory = { t = setmetatable({}, { __tostring = function() return "float" end }) },
  think = function() return 0, 0 end }
