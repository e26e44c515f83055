-- expect: error: no address: self (read-only view of this enemy)
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) error("no address: " .. tostring(self) .. "", 0) end }
