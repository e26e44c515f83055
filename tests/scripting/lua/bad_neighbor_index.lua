-- Asks for a neighbour that does not exist: an error naming the index and the valid range.
return {
  name = "BadIndex", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local n = world.nearby(50)
    local x = world.neighbor(n + 1)
    return x, 0
  end,
}
