-- steer.lua: pure steering helpers shared by enemy behaviours. Every function takes numbers and
-- returns numbers: no tables, no state, nothing allocated, so they inline into the JIT's traces.
local sqrt = math.sqrt

local steer = {}

-- Unit vector from (x, y) towards (tx, ty), and the distance. A zero-length vector stays zero.
function steer.toward(x, y, tx, ty)
  local dx, dy = tx - x, ty - y
  local d = sqrt(dx * dx + dy * dy)
  if d < 1e-6 then return 0, 0, 0 end
  return dx / d, dy / d, d
end

-- (x, y) scaled to length len (zero stays zero).
function steer.scale_to(x, y, len)
  local d = sqrt(x * x + y * y)
  if d < 1e-9 then return 0, 0 end
  return x * len / d, y * len / d
end

-- Where a target at (tx, ty) moving at (tvx, tvy) will be when a shot at speed s from (x, y)
-- reaches it (first-order lead: good enough for a dodging player).
function steer.lead(x, y, tx, ty, tvx, tvy, s)
  local dx, dy = tx - x, ty - y
  local t = sqrt(dx * dx + dy * dy) / s
  return tx + tvx * t, ty + tvy * t
end

-- A push back into the arena when closer than margin to an edge (0 inside).
function steer.stay_inside(x, y, width, height, margin)
  local px, py = 0, 0
  if x < margin then px = (margin - x) / margin end
  if y < margin then py = (margin - y) / margin end
  if x > width - margin then px = -(x - (width - margin)) / margin end
  if y > height - margin then py = -(y - (height - margin)) / margin end
  return px, py
end

return steer
