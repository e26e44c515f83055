-- Reads a neighbour without asking nearby() first: it must not see the previous think's results.
return {
  name = "Blind", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local x = world.neighbor(1)
    return x, 0
  end,
}
