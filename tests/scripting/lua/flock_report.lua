-- Writes world.flock(radius)'s seven results into memory, for the test to compare bit for bit
-- with its definition. The test writes each enemy's radius into its memory first: a double
-- reaches radii no float (self.speed) can hold.
return {
  name = "FlockReport", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  memory = {
    radius = "double",
    sx = "double", sy = "double", ax = "double", ay = "double", cx = "double", cy = "double",
    n = "double",
  },
  think = function(self, world, mem)
    mem.sx, mem.sy, mem.ax, mem.ay, mem.cx, mem.cy, mem.n = world.flock(mem.radius)
    return 0, 0
  end,
}
