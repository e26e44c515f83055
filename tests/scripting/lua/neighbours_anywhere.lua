-- Asks every neighbour helper wherever it stands: the test puts some enemies where the game never
-- does (NaN, infinities). Returns how many nearby() found.
return {
  name = "Anywhere", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local n = world.nearby(60)
    if n > 0 then world.neighbor(n) end
    world.flock(60)
    world.flock(1e-125)
    world.flock(1e-153)
    return n, 0
  end,
}
