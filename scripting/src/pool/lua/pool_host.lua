-- pool_host.lua: the host functions of a pool VM (PoolVm calls them): load an enemy script and
-- build its batch driver.
local ctx = ...
local ffi = require("ffi")
local H, views, env_mod = ctx.host, ctx.views, ctx.environment
local format, concat, getinfo = string.format, table.concat, debug.getinfo
local describe = env_mod.describe

-- One FFI struct type per memory layout, shared by every script (and every version) with that
-- layout: LuaJIT's ctype table is finite, so reloads must not declare a new type each time.
local CTYPES, ctype_count = {}, 0
local function memory_ctype(cdecl, d)
  local ct = CTYPES[cdecl]
  if ct then return ct end
  ct = ffi.typeof(cdecl)
  local names = {}
  for i, f in ipairs(d.memory) do
    names[i] = f.name
    if ffi.offsetof(ct, f.name) ~= d.memory_offsets[i] then
      error("memory layout: the FFI and C++ disagree on '" .. f.name .. "'", 0) -- never: one codec
    end
  end
  local declared = #names > 0 and concat(names, ", ") or "none"
  ffi.metatype(ct, {
    __index = function(_, k) error(format("memory has no field %s (declared: %s)", describe(k), declared), 2) end,
    __newindex = function(_, k) error(format("memory has no field %s (declared: %s)", describe(k), declared), 2) end,
    __tostring = function() return "memory (fields: " .. declared .. ")" end,
  })
  CTYPES[cdecl] = ct
  ctype_count = ctype_count + 1
  return ct
end

-- Loads one enemy script: returns its batch driver and the checked description.
function H.load_enemy(source, chunkname)
  local env, cache = env_mod.make_env()
  local fn, note = ctx.compile(source, chunkname, env)
  local d = ctx.contract_check.enemy(ctx.native.call(fn), source, chunkname)
  local mem = d.memory_size > 0 and memory_ctype(d.memory_cdecl, d)() or nil
  local info = getinfo(d.think, "S")
  local make_driver = assert(load(ctx.driver_source, "=[arena] driver(" .. chunkname .. ")", "t"))
  local driver = make_driver({
    ffi = ffi, frame = views.FRAME, cursor = views.CURSOR, scratch = views.SCRATCH, self = views.SELF,
    world = views.WORLD, mem = mem, mem_size = d.memory_size, think = d.think,
    where = chunkname .. ":" .. (info.linedefined > 0 and info.linedefined or 1),
    sync_frame = views.sync_frame, budget = ctx.budget.cell, units = ctx.limits.think_units,
  })
  d.think, d.modules, d.note = nil, env_mod.required(cache), note
  return driver, d
end

-- FFI types declared for memory layouts so far (a VM past a few thousand is replaced).
function H.ctype_count() return ctype_count end

-- For tests: the offsets the FFI computed, to compare with the C++ layout.
function H.layout()
  return {
    enemy_size = ffi.sizeof("arena_enemy"),
    enemy_memory_slot = ffi.offsetof("arena_enemy", "memory_slot"),
    enemy_position = ffi.offsetof("arena_enemy", "position"),
    enemy_spawn_tick = ffi.offsetof("arena_enemy", "spawn_tick"),
    intent_size = ffi.sizeof("arena_intent"),
    intent_faulted = ffi.offsetof("arena_intent", "faulted"),
    memory_pool_size = ffi.sizeof("arena_memory_pool"),
    frame_randoms = ffi.offsetof("arena_think_frame", "randoms_"),
    frame_memory = ffi.offsetof("arena_think_frame", "memory"),
    frame_size = ffi.sizeof("arena_think_frame"),
    frame_world = ffi.offsetof("arena_think_frame", "world"),
    frame_enemy_count = ffi.offsetof("arena_think_frame", "enemy_count"),
    frame_cell_points = ffi.offsetof("arena_think_frame", "cell_points"),
    frame_cell_slot_of = ffi.offsetof("arena_think_frame", "cell_slot_of"),
    frame_cell_item_count = ffi.offsetof("arena_think_frame", "cell_item_count"),
    grid_point_size = ffi.sizeof("arena_grid_point"),
    grid_point_velocity = ffi.offsetof("arena_grid_point", "velocity"),
    self_scratch_size = ffi.sizeof("arena_self_scratch"),
    cursor_size = ffi.sizeof("arena_cursor"),
    cursor_intents = ffi.offsetof("arena_cursor", "intents"),
    cursor_batch_first = ffi.offsetof("arena_cursor", "batch_first"),
    self_scratch_age = ffi.offsetof("arena_self_scratch", "age"),
    self_scratch_nb_count = ffi.offsetof("arena_self_scratch", "nb_count"),
    budget_size = ffi.sizeof("arena_budget"),
    budget_remaining = ffi.offsetof("arena_budget", "remaining"),
    budget_cstack_base = ffi.offsetof("arena_budget", "cstack_base"),
  }
end
