-- expect: error: color must be a string like "#ff5a4a"
return { name = "Col", hp = 3, speed = 10, radius = 10, score = 1, think = function() return 0, 0 end,
  color = setmetatable({}, { __tostring = function() return "#ffffff" end }) }
