-- Reports what the neighbour helpers see: count within 100 as vx, nearest neighbour's x as vy,
-- flock count as aim_x, and it fires so the aim is kept.
return {
  name = "Neighbours", hp = 3, speed = 2000, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local n = world.nearby(100)
    local nx = n > 0 and world.neighbor(1) or -1
    local _, _, _, _, _, _, count = world.flock(100)
    return n, nx, true, count, 0
  end,
}
