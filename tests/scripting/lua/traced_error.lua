-- Raises on line 7, after two lines ran.
return {
  name = "Raises", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local here = 1
    local t = nil
    return t.field + here, 0
  end,
}
