-- Tries to change a shared library: must fail, and other scripts keep the real math.floor.
return {
  name = "Tamper", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    math.floor = function() return 42 end
    return 0, 0
  end,
}
