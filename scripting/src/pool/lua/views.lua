-- views.lua: what a think reads. `self` (a const view of one scratch struct the driver refills per
-- enemy; rand and rand2 are computed when read), `world` (a const view of the tick's frame) and
-- the world's helpers. Every index a script passes is checked; the helpers' "self" is implicit
-- (the driver's cursor), so a script can only ask about its own neighbourhood. Nothing a helper
-- keeps lives from one enemy to the next: the driver clears the nearby() results per enemy, so a
-- think cannot read what the previous one found.
-- Provides ctx.views = { SELF, SCRATCH, WORLD, FRAME, CURSOR, sync_frame, methods }.
local ctx = ...
local ffi = require("ffi")
local describe = ctx.environment.describe
local floor, ceil, max, min, abs, type, error, format = math.floor, math.ceil, math.max, math.min, math.abs, type, error, string.format

ffi.cdef(ctx.think_cdef)
local FRAME = ffi.cast("const arena_think_frame *", ctx.frame)
local CURSOR = ffi.cast("arena_cursor *", ctx.cursor)
local SCRATCH = ffi.new("arena_self_scratch")
local SELF = ffi.cast("const arena_self_view *", SCRATCH)[0]
local ANCHORS = { SCRATCH } -- cdata pointers do not keep their target alive: these do

-- self.rand and self.rand2 are computed when read, from this tick's seed and the enemy's id (the
-- same function C++ uses; see kSelfRandomFields in think_abi.h). Kept per enemy, they cost every
-- enemy every tick, though no shipped script reads them.
local ENEMY_RANDOM = ffi.cast("double (*)(const arena_think_frame *, int32_t, int32_t)", ctx.enemy_random)
ffi.metatype("arena_self_view", {
  __index = function(_, k)
    if k == "rand" then return ENEMY_RANDOM(FRAME, CURSOR.entity, 0) end
    if k == "rand2" then return ENEMY_RANDOM(FRAME, CURSOR.entity, 1) end
    error(format("self has no field %s", describe(k)), 2)
  end,
  __newindex = function(_, k)
    -- As a write to the struct's fields fails, so explainThinkError names it the same way.
    if k == "rand" or k == "rand2" then error("attempt to write to constant location", 2) end
    error(format("self has no field %s (and self is read-only)", describe(k)), 2)
  end,
  __tostring = function() return "self (read-only view of this enemy)" end,
})

local MAX_RADIUS = 256
local MAX_SCANNED = 24 -- neighbours examined per query: bounds the cost in a dense crowd
local MAX_NEARBY = 8
local NB = ffi.new("int32_t[?]", MAX_NEARBY)
local NBD = ffi.new("double[?]", MAX_NEARBY)
local CAND = ffi.new("int32_t[?]", MAX_SCANNED)
ANCHORS[#ANCHORS + 1], ANCHORS[#ANCHORS + 2], ANCHORS[#ANCHORS + 3] = NB, NBD, CAND

-- The frame's arrays as pointer cdata, refreshed by the driver at the start of every batch.
-- Reading F.cell_points inside a helper would create a pointer object per call, and one that
-- lives across a trace boundary is allocated on the heap: per entity, that is garbage.
local CS_, GP_, SO_, ITEMS_ = nil, nil, nil, 0
local function sync_frame()
  local F = FRAME
  CS_, GP_, SO_, ITEMS_ = F.cell_start, F.cell_points, F.cell_slot_of, F.cell_item_count
end

-- The grid slot of the enemy thinking, -1 if the grid was built without it (added since). Slots
-- and items are one to one, so a candidate is this enemy exactly when its slot is this one: the
-- queries compare slots instead of reading every candidate's item.
local function own_slot()
  local me = CURSOR.entity
  if me >= 0 and me < ITEMS_ then return SO_[me] end
  return -1
end

-- The cells a circle touches, clamped to the grid. Positions are finite (spawns are checked,
-- velocities clamped, positions clamped to the arena), but the clamps also send NaN to 0: the
-- results index the frame's arrays, which the FFI does not check.
local function cells(x, y, r)
  local F = FRAME
  local inv, cols, rows = F.inverse_cell, F.columns, F.rows
  local c0, c1 = floor((x - r) * inv), floor((x + r) * inv)
  local r0, r1 = floor((y - r) * inv), floor((y + r) * inv)
  if not (c0 >= 0) then c0 = 0 end
  if not (r0 >= 0) then r0 = 0 end
  if c1 > cols - 1 then c1 = cols - 1 end
  if r1 > rows - 1 then r1 = rows - 1 end
  if c0 > cols - 1 then c0 = cols - 1 end
  if r0 > rows - 1 then r0 = rows - 1 end
  if not (c1 >= 0) then c1 = 0 end
  if not (r1 >= 0) then r1 = 0 end
  return c0, c1, r0, r1, cols
end

local function check_radius(radius)
  if type(radius) ~= "number" or not (radius > 0) then return 0 end
  return radius > MAX_RADIUS and MAX_RADIUS or radius
end

-- x, y, vx, vy of the k-th result of this think's last nearby() (1 = nearest).
local function neighbor(k)
  local n = SCRATCH.nb_count
  if type(k) ~= "number" or not (k >= 1 and k <= n) or k % 1 ~= 0 then
    error(format("world.neighbor(%s): index out of range 1..%d (call world.nearby first)", describe(k), n), 2)
  end
  local p = GP_[NB[k - 1]]
  return p.position.x, p.position.y, p.velocity.x, p.velocity.y
end

-- Candidates for a neighbour query: the grid slots of the cells the circle touches, at most
-- MAX_SCANNED, gathered by an integer-only loop. A slot indexes both the grid's points (position,
-- velocity) and its items (dense enemy indices).
local function gather(x, y, radius)
  local c0, c1, r0, r1, cols = cells(x, y, radius)
  local CS = CS_
  local n = 0
  -- Cells are stored row by row, so the cells c0..c1 of one row hold one contiguous run of
  -- items: one short loop per row instead of one per cell (each loop entry costs a trace exit).
  for row = r0, r1 do
    local k0, k1 = CS[row * cols + c0], CS[row * cols + c1 + 1]
    if k1 - k0 > MAX_SCANNED - n then k1 = k0 + MAX_SCANNED - n end
    for k = k0, k1 - 1 do
      CAND[n] = k
      n = n + 1
    end
  end
  return n
end

-- Up to 8 nearest other enemies within radius, nearest first. Returns how many; read them with
-- world.neighbor(k).
local function nearby(radius)
  radius = check_radius(radius)
  SCRATCH.nb_count = 0
  if radius == 0 then return 0 end
  local x, y = SCRATCH.x, SCRATCH.y
  local count = gather(x, y, radius)
  local mine, GP, C = own_slot(), GP_, CAND
  local r2, n = radius * radius, 0
  for c = 0, count - 1 do
    local slot = C[c]
    local dx, dy = GP[slot].position.x - x, GP[slot].position.y - y
    local d2 = dx * dx + dy * dy
    if d2 <= r2 and slot ~= mine and (n < MAX_NEARBY or d2 < NBD[n - 1]) then
      -- insertion into the sorted list of the nearest MAX_NEARBY
      local pos = n < MAX_NEARBY and n or n - 1
      while pos > 0 and d2 < NBD[pos - 1] do
        NB[pos], NBD[pos] = NB[pos - 1], NBD[pos - 1]
        pos = pos - 1
      end
      NB[pos], NBD[pos] = slot, d2
      if n < MAX_NEARBY then n = n + 1 end
    end
  end
  SCRATCH.nb_count = n
  return n
end

-- Boids in one call: separation (sum of pushes away, each (1 - d²/r²) times the offset, so
-- strongest up close and zero at the radius), alignment (mean velocity of neighbours), cohesion
-- (offset to their centre), and how many were counted. The candidates are gather()'s: the first
-- MAX_SCANNED of the cells, row by row.
-- Two flat, branch-free loops (masks from min/max; an unpredictable `if` with this many live
-- numbers makes LuaJIT's side traces fail, "register coalescing too complex", and fall back to
-- the interpreter at 20-40x the cost). The first walks the cells and keeps the candidates inside
-- the circle; the second sums over those. In a crowd most candidates lie outside (the first
-- cell scanned is the circle's corner cell): at 100k enemies 4 of 24 are kept, and the sums cost
-- per kept candidate. Skipping the others changes no result: their mask is 0, so each adds a ±0
-- to a sum that started at +0, unless d²/r² overflows and it adds 0 * inf = NaN. The game's
-- positions stay within 1e6 of the arena (spawns are checked, then the apply clamps them), so d²
-- stays below 1e13 and d²/r² can overflow only for r² < 1e-280: then every candidate is kept. The
-- sums are the one loop's, bit for bit. (At a distance of 1e14 or more, which the game never
-- makes, a masked candidate's NaN could be missed: being exact there too cost the swarm 3%.)
-- A candidate whose d² is NaN is kept (min and max return their second operand when either is
-- NaN), so the count that indexes CAND is always a whole number.
local function flock(radius)
  radius = check_radius(radius)
  if radius == 0 then return 0, 0, 0, 0, 0, 0, 0 end
  local x, y = SCRATCH.x, SCRATCH.y
  local c0, c1, r0, r1, cols = cells(x, y, radius)
  local mine, CS, GP, C = own_slot(), CS_, GP_, CAND -- locals: an upvalue is reloaded every iteration
  local r2 = radius * radius
  local keep_all = ceil(max(0, min(1, 1e-280 - r2))) -- 1 below r² = 1e-280 (see above)
  local kept, room = 0, MAX_SCANNED
  for row = r0, r1 do
    local k0, k1 = CS[row * cols + c0], CS[row * cols + c1 + 1]
    if k1 - k0 > room then k1 = k0 + room end
    room = room - (k1 - k0)
    for k = k0, k1 - 1 do
      local p = GP[k]
      local dx, dy = x - p.position.x, y - p.position.y
      local d2 = dx * dx + dy * dy
      C[kept] = k
      kept = kept + max(keep_all, ceil(max(min(r2 - d2, 1), 0))) -- +1 when kept: see above
    end
  end
  local inv_r2 = 1 / r2
  local sx, sy, ax, ay, cx, cy, n = 0, 0, 0, 0, 0, 0, 0
  for k = 0, kept - 1 do
    local slot = C[k]
    local p = GP[slot]
    local px, py = p.position.x, p.position.y
    local dx, dy = x - px, y - py
    local d2 = dx * dx + dy * dy
    local m = max(0, min(1, (r2 - d2) * 1e30)) * min(1, abs(slot - mine)) -- 1: inside and not me
    local w = m * (1 - d2 * inv_r2)
    sx, sy = sx + dx * w, sy + dy * w
    ax, ay = ax + p.velocity.x * m, ay + p.velocity.y * m
    cx, cy = cx + px * m, cy + py * m
    n = n + m
  end
  if n == 0 then return 0, 0, 0, 0, 0, 0, 0 end
  return sx, sy, ax / n, ay / n, cx / n - x, cy / n - y, n
end

local METHODS = { nearby = nearby, neighbor = neighbor, flock = flock }
ffi.metatype("arena_world_view", {
  __index = function(_, k)
    local m = METHODS[k]
    if m == nil then error(format("world has no field %s", describe(k)), 2) end
    return m
  end,
  __newindex = function(_, k) error(format("world has no field %s (and world is read-only)", describe(k)), 2) end,
  __tostring = function() return "world (read-only view)" end,
})

ctx.views = {
  FRAME = FRAME, CURSOR = CURSOR, SCRATCH = SCRATCH, SELF = SELF,
  WORLD = FRAME.world, -- a const reference into the frame, which outlives the VM
  sync_frame = sync_frame, methods = METHODS, anchors = ANCHORS,
}
