-- expect: error: metatable is ffi
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) error("metatable is " .. tostring(getmetatable(self)), 0) end }
