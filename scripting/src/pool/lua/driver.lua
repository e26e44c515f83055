-- driver.lua: the trusted batch driver, loaded once per enemy script per VM (its own bytecode, so
-- its own traces: one shared driver would make every script's think a side exit of the first
-- script's trace). PoolVm::runBatch calls the returned function with a range of the tick's order
-- array; one protected call runs the whole batch. On an error, C++ reads the cursor and calls
-- again from the next entity. The batch's deadline is set by C++ once per batch; each think gets
-- its own units.
--
-- What think gets: SELF (a const view, refilled here per entity), WORLD (a const view of the
-- frame) and MEM (a scratch copy of its memory, copied back to the enemy's slot of its type's
-- memory pool when think returns: only this think reads that slot, so it is written in place).
-- The intent of order[k] goes to CURSOR.intents[k - CURSOR.batch_first]: C++ points it at the VM's
-- batch buffer or at the tick's dense array (see DriverCursor in think_abi.h).
-- Nothing per entity is allocated: views and scratch are created once, and no cdata made in the
-- loop lives across the call to think.
local c = ... -- { ffi, frame, cursor, scratch, self, world, mem, mem_size, think, where, sync_frame,
              --   budget, units }
local ffi, FRAME, CURSOR, SS, SELF, WORLD = c.ffi, c.frame, c.cursor, c.scratch, c.self, c.world
local MEM, MEMSIZE, think, where, sync_frame = c.mem, c.mem_size, c.think, c.where, c.sync_frame
local B, UNITS = c.budget, c.units

local copy, type, error, format = ffi.copy, type, error, string.format

local function bad_return(what, a, b)
  error(format("%s: think must return %s (got %s, %s)", where, what, type(a), type(b)), 0)
end

return function(first, last)
  sync_frame()
  local F = FRAME
  local E, O = F.enemies, F.order
  local I, IFIRST = CURSOR.intents, CURSOR.batch_first
  local tick = F.world.tick
  local MB, SLOTS = nil, 0 -- this batch's memory pool (one script, so one enemy type)
  if MEMSIZE > 0 and first < last then
    local t = E[O[first]].type
    if t >= F.memory_types then error(format("%s: no memory pool for enemy type %d", where, t), 0) end
    local pool = F.memory[t]
    if pool.bytes ~= MEMSIZE then error(format("%s: memory pool of %d bytes for a %d-byte layout", where, pool.bytes, MEMSIZE), 0) end
    MB, SLOTS = pool.data, pool.slots
  end
  -- An enemy made past World::addEnemy may have no slot: it faults rather than read past the
  -- pool. Looked for in a loop of its own: a check inside the main loop added snapshots enough to
  -- push a long think's trace (sniper's) over LuaJIT's limit. The batch stops before it.
  local stop = last
  if MEMSIZE > 0 then
    for k = first, last - 1 do
      if E[O[k]].memory_slot >= SLOTS then stop = k break end
    end
  end
  for k = first, stop - 1 do
    CURSOR.position = k
    local i = O[k]
    CURSOR.entity = i
    SS.x, SS.y = E[i].position.x, E[i].position.y
    SS.vx, SS.vy = E[i].velocity.x, E[i].velocity.y
    SS.hp, SS.max_hp = E[i].hp, E[i].max_hp
    SS.radius, SS.speed = E[i].radius, E[i].speed
    SS.id = E[i].id.generation * 16777216 + E[i].id.index
    SS.age = tick - E[i].spawn_tick
    SS.nb_count = 0
    if MEMSIZE > 0 then copy(MEM, MB + E[i].memory_slot * MEMSIZE, MEMSIZE) end
    -- Each think gets its units; the chunk the slow path sized so far stays (if thinks are slow,
    -- the clock is read early in the next one too).
    local first = B.chunk
    B.countdown, B.remaining, B.exhausted = first, UNITS - first, 0

    local vx, vy, fire, ax, ay = think(SELF, WORLD, MEM)

    if type(vx) ~= "number" or type(vy) ~= "number" then bad_return("vx, vy as numbers", vx, vy) end
    local j = k - IFIRST
    I[j].velocity.x, I[j].velocity.y = vx, vy
    if fire then
      if type(ax) ~= "number" or type(ay) ~= "number" then bad_return("aim_x, aim_y numbers when it fires", ax, ay) end
      I[j].fire, I[j].aim.x, I[j].aim.y = 1, ax, ay
    else -- the aim is written too: a buffer entry holds another enemy's from an earlier batch
      I[j].fire, I[j].aim.x, I[j].aim.y = 0, 0, 0
    end
    I[j].faulted = 0
    if MEMSIZE > 0 then copy(MB + E[i].memory_slot * MEMSIZE, MEM, MEMSIZE) end
  end
  if stop < last then -- (only World::addEnemy hands out slots, each to one enemy)
    CURSOR.position, CURSOR.entity = stop, O[stop]
    error(format("%s: enemy %d has no memory slot", where, O[stop]), 0)
  end
end
