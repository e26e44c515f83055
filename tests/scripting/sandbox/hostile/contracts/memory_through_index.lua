-- expect: result: loads
return { name = "MemIdx", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  memory = setmetatable({}, { __index = function() return "float" end }),
  think = function() return 0, 0 end }
