-- expect: result: bounded
-- A huge or NaN radius is clamped: the query stays bounded (this one succeeds).
return { name = "X", hp = 1, speed = 1, radius = 1, color = "#ffffff", score = 1,
  think = function(self, world) return world.nearby(1e300) + world.nearby(0 / 0) + select(7, world.flock(-5)), 0 end }
