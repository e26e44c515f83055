-- prelude.lua: the trusted part of every script VM. Runs first, with the full standard library,
-- and keeps it to itself: scripts only ever see the sandboxed environments built here.
--
-- Arguments (from ScriptVm): cdef text, the tick frame, cursor and budget addresses, the driver's
-- and the instrumenter's source, the bounded string functions (C++), the limits, a jit.v log path.
-- Returns the table of host functions ScriptVm calls (load_enemy, set_libs, run_chunk, ...).
local cdef, frame_address, cursor_address, driver_source, jit_log, budget_address, instrument_source,
      bounded_string, limits, arena_api = ...

local ffi = require("ffi")
local bit = require("bit")
local floor, huge, min, max, abs = math.floor, math.huge, math.min, math.max, math.abs
local type, error, pairs, ipairs, tostring, setmetatable = type, error, pairs, ipairs, tostring, setmetatable
local loadstring, setfenv, pcall, select = loadstring, setfenv, pcall, select
local string_format, string_match, string_byte = string.format, string.match, string.byte

-- Trace diagnostics for people tuning scripts (ARENA_JIT_LOG=prefix): aborts and NYIs per VM.
if jit_log then
  if os.getenv("ARENA_JIT_DUMP") then require("jit.dump").start(os.getenv("ARENA_JIT_DUMP"), jit_log)
  else require("jit.v").start(jit_log) end
end

ffi.cdef(cdef)
local FRAME = ffi.cast("const arena_think_frame *", frame_address)
local CURSOR = ffi.cast("arena_cursor *", cursor_address)

local P = {}

-- "file:line: " of the innermost script frame (scripts' chunk names start with '@'; the trusted
-- chunks' with '='), so sandbox errors point at the script's line even across tail calls.
local getinfo = debug.getinfo
local function script_where()
  for level = 2, 12 do
    local info = getinfo(level, "Sl")
    if not info then break end
    if info.source:sub(1, 1) == "@" and info.currentline > 0 then
      return info.short_src .. ":" .. info.currentline .. ": "
    end
  end
  return ""
end
local function sandbox_error(message) error(script_where() .. message, 0) end

----------------------------------------------------------------------------------------------------
-- CPU budget (see scripting/budget.h and instrument.lua)
----------------------------------------------------------------------------------------------------
ffi.cdef[[
typedef struct { int32_t countdown, refills, exhausted, depth, limit, unused_; double deadline; } arena_budget;
struct arena_timespec { long tv_sec; long tv_nsec; };
int clock_gettime(int clock, struct arena_timespec *ts);
]]
local BUDGET = ffi.cast("arena_budget *", budget_address)
local COUNTDOWN = ffi.cast("int32_t *", budget_address) -- what instrumented code decrements
local REFILL = limits.refill
local TS = ffi.new("struct arena_timespec")
local function now()
  ffi.C.clock_gettime(1, TS) -- CLOCK_MONOTONIC
  return tonumber(TS.tv_sec) + tonumber(TS.tv_nsec) * 1e-9
end
local budget_error = nil

-- Every REFILL checks: spend one refill, look at the clock. Raises at the script's line (level 2).
local function budget_slow()
  if BUDGET.exhausted ~= 0 then
    BUDGET.countdown = 0
    error(budget_error, 0)
  end
  BUDGET.refills = BUDGET.refills - 1
  local over_time = now() > BUDGET.deadline
  if BUDGET.refills < 0 or over_time then
    BUDGET.exhausted, BUDGET.countdown = 1, 0
    budget_error = script_where() .. (over_time and "script exceeded its time limit" or
      ("script exceeded its CPU budget (" .. BUDGET.limit * REFILL .. " loop iterations and calls in one call)")) ..
      ": an endless loop? (the call was stopped; the game goes on)"
    error(budget_error, 0)
  end
  BUDGET.countdown = REFILL
end

-- Starts the budget of one script call (a chunk, a hook) of `refills` * REFILL checks.
local function begin_budget(refills, seconds)
  BUDGET.countdown, BUDGET.refills, BUDGET.exhausted, BUDGET.depth = REFILL, refills, 0, 0
  BUDGET.limit, BUDGET.deadline = refills, now() + seconds
end
local function set_deadline(seconds, refills)
  BUDGET.limit, BUDGET.deadline = refills, now() + seconds
end

local instrument = assert(loadstring(instrument_source, "=instrument"))()

-- Compiles source text (never bytecode) into a function that runs in env and pays into the
-- budget on every loop iteration and call.
local function compile(source, chunkname, env)
  if string_byte(source, 1) == 27 then
    error(chunkname .. ": bytecode is refused; load Lua source", 0)
  end
  local raw, err = loadstring(source, "@" .. chunkname)
  if not raw then error(err, 0) end
  local text, ierr = source, nil
  if limits.instrument then text, ierr = instrument(source) end
  if not text then error(chunkname .. ":1: " .. ierr, 0) end
  local wrapper, werr = loadstring("return function(__sb_q, __sb_slow) return function(...) " .. text .. "\nend end",
                                   "@" .. chunkname)
  if not wrapper then error(werr, 0) end
  setfenv(wrapper, env)
  return wrapper()(COUNTDOWN, budget_slow)
end

-- Names a value for an error message without running any of its metamethods.
local function describe(v)
  local t = type(v)
  if t == "string" then return string_format("%q", #v > 40 and v:sub(1, 40) .. "..." or v) end
  if t == "number" or t == "boolean" or t == "nil" then return tostring(v) end
  return t
end

----------------------------------------------------------------------------------------------------
-- Read-only libraries
----------------------------------------------------------------------------------------------------
local function copy_fields(src, names)
  local t = {}
  for _, k in ipairs(names) do t[k] = src[k] end
  return t
end

local function readonly(libname, fields)
  return setmetatable({}, {
    __index = fields,
    __newindex = function(_, k)
      error(string_format("attempt to modify read-only library table '%s' (field %s)", libname, describe(k)), 2)
    end,
    __metatable = false,
  })
end

local safe_math = copy_fields(math, {
  "abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cosh", "deg", "exp", "floor", "fmod",
  "frexp", "ldexp", "log", "log10", "max", "min", "modf", "pow", "rad", "sin", "sinh", "sqrt",
  "tan", "tanh",
})
safe_math.pi, safe_math.huge = math.pi, math.huge
local safe_string = copy_fields(string, {
  "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match", "rep", "reverse",
  "sub", "upper",
})
local safe_table = copy_fields(table, { "concat", "insert", "remove", "maxn" })

-- Calls that can run script code from inside C (metamethods, comparators) nest at most this deep:
-- LuaJIT has no C-stack limit, and deep nesting crashes the process.
local MAX_DEPTH = limits.max_depth
local function enter(what)
  if BUDGET.depth >= MAX_DEPTH then
    sandbox_error(string_format("%s: calls nested more than %d deep", what, MAX_DEPTH))
  end
  BUDGET.depth = BUDGET.depth + 1
end
local function leave(...)
  BUDGET.depth = BUDGET.depth - 1
  return ...
end

local MAX_SORT = limits.max_sort
local sort = table.sort
safe_table.sort = function(t, cmp)
  if type(t) ~= "table" then sandbox_error("table.sort: table expected, got " .. type(t)) end
  local n = #t
  if n > MAX_SORT then
    sandbox_error(string_format("table.sort: %d elements is more than the sandbox sorts (%d)", n, MAX_SORT))
  end
  -- n log n comparisons, charged to the budget like the loop that would do them
  BUDGET.refills = BUDGET.refills - math.floor(n * math.log(n + 1) / REFILL)
  enter("table.sort")
  return leave(sort(t, cmp))
end

for name, fn in pairs(bounded_string) do safe_string[name] = fn end
local MAX_STRING = limits.max_string
local rep, format = string.rep, string.format
safe_string.rep = function(s, n, sep)
  if type(n) == "number" and type(s) == "string" then
    local size = (#s + (type(sep) == "string" and #sep or 0)) * n
    if size > MAX_STRING then
      sandbox_error(string_format("string.rep: the result would be %.0f bytes (the sandbox allows %d)", size, MAX_STRING))
    end
    BUDGET.refills = BUDGET.refills - math.floor(size / (64 * REFILL))
  end
  return rep(s, n, sep)
end
safe_string.format = function(fmt, ...)
  if type(fmt) == "string" and string_match(fmt, "%%[-+ #0]*%d*%.?%d*p") then
    sandbox_error("string.format: '%p' is not available in the sandbox")
  end
  -- %s on a table or cdata calls its __tostring from C: guard the nesting
  enter("string.format")
  return leave(format(fmt, ...))
end

local safe_bit = copy_fields(bit, {
  "tobit", "tohex", "bnot", "band", "bor", "bxor", "lshift", "rshift", "arshift", "rol", "ror", "bswap",
})

-- Strings index through one metatable shared by the whole VM: point it at the safe copy (no
-- string.dump) and hide it, so no script can reach or change what other scripts' strings do.
do
  local string_mt = getmetatable("")
  string_mt.__index = readonly("string", safe_string)
  string_mt.__metatable = false
end

-- What every script environment can read. Missing names are errors, not nil: a typo in a global
-- name is reported where it happens.
-- A script's own pcall must not swallow the end of its budget: once it is spent, returning from
-- any pcall raises again.
local collect = collectgarbage
local function after_pcall(ok, ...)
  if BUDGET.exhausted ~= 0 then error(budget_error, 0) end
  -- A script that caught its own "not enough memory" left the garbage behind at the cap: collect
  -- it now, or the very next allocation (a string, a trace) fails again.
  if not ok and ... == "not enough memory" then collect() end
  return ok, ...
end
local raw_tostring = tostring
local function safe_tostring(v)
  local t = type(v)
  if t == "table" or t == "userdata" or t == "cdata" then -- may run a __tostring
    enter("tostring")
    return leave(raw_tostring(v))
  end
  return raw_tostring(v)
end

local SAFE = {
  assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs,
  pcall = function(f, ...) return after_pcall(pcall(f, ...)) end,
  xpcall = function(f, handler, ...) return after_pcall(xpcall(f, handler, ...)) end,
  select = select, tonumber = tonumber, tostring = safe_tostring, type = type, unpack = unpack,
  rawequal = rawequal, setmetatable = setmetatable, getmetatable = getmetatable,
  math = readonly("math", safe_math),
  string = readonly("string", safe_string),
  table = readonly("table", safe_table),
  bit = readonly("bit", safe_bit),
  -- The main VM's command API for hooks and the director (absent in the pool's VMs: think is pure).
  arena = arena_api and readonly("arena", arena_api) or nil,
}
setmetatable(SAFE, {
  __index = function(_, k)
    error(string_format("undefined global %s (only the sandbox's libraries are globals)", describe(k)), 2)
  end,
  __newindex = function(_, k)
    error(string_format("attempt to create global variable %s (declare it with 'local')", describe(k)), 2)
  end,
  __metatable = false,
})

----------------------------------------------------------------------------------------------------
-- Environments and require
----------------------------------------------------------------------------------------------------
local LIBS = {} -- module name -> { source = text, chunkname = "lib/x.lua" }

function P.set_libs(libs)
  LIBS = {}
  for name, entry in pairs(libs) do LIBS[name] = entry end
end

local make_env

local function make_require(cache)
  local LOADING = {}
  return function(name)
    if type(name) ~= "string" or not string_match(name, "^[%a_][%w_]*$") and
       not string_match(name, "^[%a_][%w_]*%.[%a_][%w_%.]*[%w_]$") then
      error(string_format("require: bad module name %s (use names like 'steer' or 'ai.flock')", describe(name)), 2)
    end
    local cached = cache[name]
    if cached == LOADING then error(string_format("require: module '%s' requires itself", name), 2) end
    if cached ~= nil then return cached end
    local lib = LIBS[name]
    if not lib then
      error(string_format("require: module '%s' not found in scripts/lib", name), 2)
    end
    if string_byte(lib.source, 1) == 27 then
      error(string_format("require: %s is bytecode; only Lua source is loaded", lib.chunkname), 2)
    end
    local fn = compile(lib.source, lib.chunkname, make_env(cache))
    cache[name] = LOADING
    local ok, result = pcall(fn)
    if not ok then
      cache[name] = nil
      error(type(result) == "string" and result or ("error object is a " .. type(result)), 0)
    end
    if result == nil then result = true end
    cache[name] = result
    return result
  end
end

-- Each script (and each module it loads) runs in its own environment; modules are cached per
-- script, so no script can change a module another script uses.
make_env = function(cache)
  local env = setmetatable({}, {
    __index = SAFE,
    __newindex = function(_, k)
      error(string_format("attempt to create global variable %s (declare it with 'local')", describe(k)), 2)
    end,
    __metatable = false,
  })
  rawset(env, "require", make_require(cache or {}))
  return env
end

----------------------------------------------------------------------------------------------------
-- Views handed to think: the entity (self), the world, the memory scratch
----------------------------------------------------------------------------------------------------
local SELF_SCRATCH = ffi.new("arena_self_scratch")
local SELF = ffi.cast("const arena_self_view *", SELF_SCRATCH)[0]
local ANCHORS = { SELF_SCRATCH } -- cdata pointers do not keep their target alive: these do

ffi.metatype("arena_self_view", {
  __index = function(_, k) error(string_format("self has no field %s", describe(k)), 2) end,
  __newindex = function(_, k) error(string_format("self has no field %s (and self is read-only)", describe(k)), 2) end,
  __tostring = function() return "self (read-only view of this enemy)" end,
})

-- World helpers. Their "self" is implicit (the driver's cursor), so a script can only ask about
-- its own neighbourhood; every index a script passes is checked.
local MAX_RADIUS = 256
local MAX_SCANNED = 24      -- neighbours examined per query: bounds the cost in a dense crowd
local MAX_NEARBY = 8
local NB = ffi.new("int32_t[?]", MAX_NEARBY)
local NBD = ffi.new("double[?]", MAX_NEARBY)
ANCHORS[#ANCHORS + 1] = NB
ANCHORS[#ANCHORS + 1] = NBD
local nb_count = 0

-- The frame's arrays as pointer cdata, refreshed by the driver at the start of every batch.
-- Reading F.cell_items inside a helper would create a pointer object per call, and one that
-- lives across a trace boundary is allocated on the heap: per entity, that is garbage.
local CS_, CI_, GP_ = nil, nil, nil
local function sync_frame()
  local F = FRAME
  CS_, CI_, GP_ = F.cell_start, F.cell_items, F.cell_points
end
P.sync_frame = sync_frame

local function cells(x, y, r)
  local F = FRAME
  local inv, cols, rows = F.inverse_cell, F.columns, F.rows
  local c0, c1 = floor((x - r) * inv), floor((x + r) * inv)
  local r0, r1 = floor((y - r) * inv), floor((y + r) * inv)
  if c0 < 0 then c0 = 0 end
  if r0 < 0 then r0 = 0 end
  if c1 > cols - 1 then c1 = cols - 1 end
  if r1 > rows - 1 then r1 = rows - 1 end
  if c0 > cols - 1 then c0 = cols - 1 end
  if r0 > rows - 1 then r0 = rows - 1 end
  if c1 < 0 then c1 = 0 end
  if r1 < 0 then r1 = 0 end
  return c0, c1, r0, r1, cols
end

local function check_radius(radius)
  if type(radius) ~= "number" or not (radius > 0) then return 0 end
  return radius > MAX_RADIUS and MAX_RADIUS or radius
end

-- x, y, vx, vy of the k-th result of the last nearby() (1 = nearest).
local function neighbor(k)
  if type(k) ~= "number" or not (k >= 1 and k <= nb_count) or k % 1 ~= 0 then
    error(string_format("world.neighbor(%s): index out of range 1..%d (call world.nearby first)", describe(k), nb_count), 2)
  end
  local p = GP_[NB[k - 1]]
  return p.position.x, p.position.y, p.velocity.x, p.velocity.y
end

-- Candidates for a neighbour query: the grid slots of the cells the circle touches, at most
-- MAX_SCANNED, gathered by an integer-only loop. Returns how many are in CAND. A slot indexes
-- both the grid's points (position, velocity) and its items (dense enemy indices).
local CAND = ffi.new("int32_t[?]", MAX_SCANNED)
ANCHORS[#ANCHORS + 1] = CAND
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
  nb_count = 0
  if radius == 0 then return 0 end
  local x, y = SELF_SCRATCH.x, SELF_SCRATCH.y
  local count = gather(x, y, radius)
  local me, GP, CI = CURSOR.entity, GP_, CI_
  local r2, n = radius * radius, 0
  for c = 0, count - 1 do
    local slot = CAND[c]
    local dx, dy = GP[slot].position.x - x, GP[slot].position.y - y
    local d2 = dx * dx + dy * dy
    if d2 <= r2 and CI[slot] ~= me and (n < MAX_NEARBY or d2 < NBD[n - 1]) then
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
  nb_count = n
  return n
end

-- Boids in one call: separation (sum of pushes away, each (1 - d²/r²) times the offset, so
-- strongest up close and zero at the radius), alignment (mean velocity of neighbours), cohesion
-- (offset to their centre), and how many were counted.
-- Two passes: gather() walks the grid with integers only, then one flat, branch-free loop (masks
-- from min/max) accumulates. Nested loops or an unpredictable `if` with this many live numbers
-- make LuaJIT's side traces fail ("register coalescing too complex") and fall back to the
-- interpreter, at 20-40x the cost.
local function flock(radius)
  radius = check_radius(radius)
  if radius == 0 then return 0, 0, 0, 0, 0, 0, 0 end
  local x, y = SELF_SCRATCH.x, SELF_SCRATCH.y
  local count = gather(x, y, radius)
  local me = CURSOR.entity
  local GP, CI = GP_, CI_
  local r2 = radius * radius
  local inv_r2 = 1 / r2
  local sx, sy, ax, ay, cx, cy, n = 0, 0, 0, 0, 0, 0, 0
  for k = 0, count - 1 do
    local slot = CAND[k]
    local p = GP[slot]
    local px, py = p.position.x, p.position.y
    local dx, dy = x - px, y - py
    local d2 = dx * dx + dy * dy
    local m = max(0, min(1, (r2 - d2) * 1e30)) * min(1, abs(CI[slot] - me)) -- 1: inside and not me
    local w = m * (1 - d2 * inv_r2)
    sx, sy = sx + dx * w, sy + dy * w
    ax, ay = ax + p.velocity.x * m, ay + p.velocity.y * m
    cx, cy = cx + px * m, cy + py * m
    n = n + m
  end
  if n == 0 then return 0, 0, 0, 0, 0, 0, 0 end
  return sx, sy, ax / n, ay / n, cx / n - x, cy / n - y, n
end

local WORLD_METHODS = { nearby = nearby, neighbor = neighbor, flock = flock }
ffi.metatype("arena_world_view", {
  __index = function(_, k)
    local m = WORLD_METHODS[k]
    if m == nil then error(string_format("world has no field %s", describe(k)), 2) end
    return m
  end,
  __newindex = function(_, k) error(string_format("world has no field %s (and world is read-only)", describe(k)), 2) end,
  __tostring = function() return "world (read-only view)" end,
})
local WORLD = FRAME.world -- a const reference into the frame, which outlives the VM

----------------------------------------------------------------------------------------------------
-- Enemy scripts: load, check the contract, build the driver
----------------------------------------------------------------------------------------------------
local MEMORY_TYPES = { float = "float", double = "double", number = "double", int = "int32_t", bool = "bool" }
local HOOKS = { on_spawn = true, on_hit = true, on_death = true } -- run in the main VM only
local FIELDS = {
  name = "string", hp = "number", speed = "number", radius = "number", color = "string",
  score = "number", contact_damage = "number", fire_interval = "number", bullet_speed = "number",
  bullet_damage = "number", memory = "table", think = "function",
}
local REQUIRED = { "name", "hp", "speed", "radius", "color", "score", "think" }

-- The line where `key =` first appears in the source, for errors about a field's value.
local function line_of(source, key)
  key = key:gsub("%W", "%%%0")
  local line = 1
  for text in (source .. "\n"):gmatch("([^\n]*)\n") do
    if string_match(text, "^%s*" .. key .. "%s*=") or string_match(text, "[{,;]%s*" .. key .. "%s*=") then
      return line
    end
    line = line + 1
  end
  return nil
end

local function contract_error(chunkname, source, key, message)
  local line = key and line_of(source, key)
  if not line then
    line = 1
    local n = 1
    for text in (source .. "\n"):gmatch("([^\n]*)\n") do
      if string_match(text, "^%s*return") then line = n end
      n = n + 1
    end
  end
  error(string_format("%s:%d: %s", chunkname, line, message), 0)
end

local function parse_color(chunkname, source, value)
  local hex = string_match(value, "^#(%x%x%x%x%x%x)$")
  if hex then return tonumber(hex, 16) * 256 + 255 end
  hex = string_match(value, "^#(%x%x%x%x%x%x%x%x)$")
  if hex then return tonumber(hex, 16) end
  contract_error(chunkname, source, "color", "color must be a string like \"#ff5a4a\" (got " .. describe(value) .. ")")
end

local mem_counter = 0

-- Validates the script's table; returns a normalised copy (plain values only, no script tables).
local function check_contract(def, source, chunkname)
  if type(def) ~= "table" then
    contract_error(chunkname, source, nil, "an enemy script must return a table (got " .. type(def) .. ")")
  end
  local d = {}
  for k, v in next, def do
    if type(k) ~= "string" then
      contract_error(chunkname, source, nil, "unexpected key " .. describe(k) .. " in the returned table")
    end
    if HOOKS[k] then
      if type(v) ~= "function" then contract_error(chunkname, source, k, k .. " must be a function") end
    elseif not FIELDS[k] then
      contract_error(chunkname, source, k, "unknown field '" .. k .. "' (fields: name, hp, speed, radius, color, score, contact_damage, fire_interval, bullet_speed, bullet_damage, memory, think)")
    elseif type(v) ~= FIELDS[k] then
      contract_error(chunkname, source, k, k .. " must be a " .. FIELDS[k] .. " (got " .. describe(v) .. ")")
    end
  end
  for _, k in ipairs(REQUIRED) do
    if def[k] == nil then contract_error(chunkname, source, nil, "missing required field '" .. k .. "'") end
  end
  local function positive(k, allow_zero)
    local v = def[k]
    if v == nil then return nil end
    if v ~= v or v == huge or v < 0 or (v == 0 and not allow_zero) then
      contract_error(chunkname, source, k, k .. " must be a " .. (allow_zero and "non-negative" or "positive") .. " number (got " .. describe(v) .. ")")
    end
    return v
  end
  d.name = def.name
  d.hp, d.speed, d.radius, d.score = positive("hp"), positive("speed", true), positive("radius"), positive("score", true)
  if d.radius > 200 then contract_error(chunkname, source, "radius", "radius must be at most 200") end
  if d.speed > 2000 then contract_error(chunkname, source, "speed", "speed must be at most 2000") end
  d.contact_damage = positive("contact_damage", true) or 10
  d.fire_interval = positive("fire_interval", true) or 0
  d.bullet_speed = positive("bullet_speed") or 420
  d.bullet_damage = positive("bullet_damage", true) or 8
  d.color = parse_color(chunkname, source, def.color)
  d.think = def.think
  d.on_spawn, d.on_hit, d.on_death = def.on_spawn, def.on_hit, def.on_death

  -- memory: { name = "float" | "double" | "int" | "bool" }, laid out in name order.
  local names = {}
  for k, v in next, def.memory or {} do
    if type(k) ~= "string" or not string_match(k, "^[%a_][%w_]*$") then
      contract_error(chunkname, source, "memory", "memory field names must be identifiers (got " .. describe(k) .. ")")
    end
    if not MEMORY_TYPES[v] then
      contract_error(chunkname, source, k, "memory field '" .. k .. "' has type " .. describe(v) .. " (use \"float\", \"double\", \"int\" or \"bool\")")
    end
    names[#names + 1] = k
  end
  table.sort(names)
  local decl = {}
  for i, k in ipairs(names) do decl[i] = MEMORY_TYPES[def.memory[k]] .. " " .. k .. ";" end
  if #decl == 0 then decl[1] = "uint8_t unused_;" end
  mem_counter = mem_counter + 1
  local ctname = "arena_mem_" .. mem_counter
  local ok, cdef_error = pcall(ffi.cdef, "typedef struct { " .. table.concat(decl, " ") .. " } " .. ctname .. ";")
  if not ok then
    contract_error(chunkname, source, "memory", "memory layout rejected: " .. tostring(cdef_error) .. " (field names must not be C keywords)")
  end
  local ct = ffi.typeof(ctname)
  local size = #names > 0 and ffi.sizeof(ct) or 0
  if size > 64 then
    contract_error(chunkname, source, "memory", "memory is " .. size .. " bytes; at most 64 are allowed")
  end
  d.memory_size, d.memory_ctype, d.memory = size, ct, {}
  for i, k in ipairs(names) do
    d.memory[i] = { name = k, type = def.memory[k], offset = ffi.offsetof(ct, k) }
  end
  return d
end

-- Loads one enemy script: returns the batch driver for it and the checked description.
function P.load_enemy(source, chunkname)
  local fn = compile(source, chunkname, make_env())
  begin_budget(limits.load_refills, limits.load_seconds)
  local d = check_contract(fn(), source, chunkname)

  local field_list = {}
  for i, f in ipairs(d.memory) do field_list[i] = f.name end
  local declared = #field_list > 0 and table.concat(field_list, ", ") or "none"
  ffi.metatype(d.memory_ctype, {
    __index = function(_, k) error(string_format("memory has no field %s (declared: %s)", describe(k), declared), 2) end,
    __newindex = function(_, k) error(string_format("memory has no field %s (declared: %s)", describe(k), declared), 2) end,
    __tostring = function() return "memory of " .. chunkname end,
  })
  local mem = d.memory_ctype()
  ANCHORS[#ANCHORS + 1] = mem

  -- A fresh copy of the driver per script: its own bytecode, so its own traces. One shared driver
  -- would make every script's think a side exit of the first script's trace.
  local make_driver = assert(loadstring(driver_source, "=driver(" .. chunkname .. ")"))
  local hooks = {}
  for name in pairs(HOOKS) do hooks[name] = d[name] end
  local where = chunkname .. ":" .. (line_of(source, "think") or 1)
  local driver = make_driver(ffi, FRAME, CURSOR, SELF_SCRATCH, SELF, WORLD, mem, d.think, d.memory_size, where,
                             sync_frame, BUDGET, REFILL, limits.think_refills, set_deadline, limits.batch_seconds)
  d.think, d.memory_ctype, d.on_spawn, d.on_hit, d.on_death = nil, nil, nil, nil, nil
  return driver, d, hooks
end

-- Loads the wave director: a script that returns { update = function(state, info) ... end }.
function P.load_director(source, chunkname)
  local fn = compile(source, chunkname, make_env())
  begin_budget(limits.load_refills, limits.load_seconds)
  local def = fn()
  if type(def) ~= "table" or type(def.update) ~= "function" then
    contract_error(chunkname, source, "update", "the director must return a table with an update(state, info) function")
  end
  return def.update
end

-- Runs a chunk's top level under the same environment and limits as enemy scripts (scriptcheck
-- --exec). Returns a description of the first result; errors propagate as strings.
function P.run_chunk(source, chunkname)
  local fn = compile(source, chunkname, make_env())
  begin_budget(limits.load_refills, limits.load_seconds)
  local result = fn()
  BUDGET.depth = 0
  return describe(result)
end

-- No trace event handler here (jit.attach): one crashed LuaJIT (SIGSEGV inside lua_pcall, about
-- 1 run in 30 of the hostile corpus, even a handler that allocated nothing). JIT health is
-- measured in separate processes by `scriptcheck --jit`.
function P.set_jit(on)
  if on then jit.on() else jit.off() end
  jit.flush()
end

-- The names scripts can use, for checking the LuaLS annotations (scriptcheck).
function P.api()
  local methods, contract = {}, {}
  for k in pairs(WORLD_METHODS) do methods[#methods + 1] = k end
  for k in pairs(FIELDS) do contract[#contract + 1] = k end
  for k in pairs(HOOKS) do contract[#contract + 1] = k end
  table.sort(methods)
  table.sort(contract)
  return { world_methods = methods, contract = contract }
end

-- Between calls: forget a spent budget and any nesting an error unwound past.
function P.reset_budget()
  BUDGET.countdown, BUDGET.refills, BUDGET.exhausted, BUDGET.depth = REFILL, 0, 0, 0
end

-- For tests: the offsets the FFI computed, to compare with the C++ layout.
function P.layout()
  return {
    enemy_size = ffi.sizeof("arena_enemy"),
    enemy_memory = ffi.offsetof("arena_enemy", "memory"),
    enemy_position = ffi.offsetof("arena_enemy", "position"),
    enemy_random = ffi.offsetof("arena_enemy", "random"),
    enemy_spawn_tick = ffi.offsetof("arena_enemy", "spawn_tick"),
    intent_size = ffi.sizeof("arena_intent"),
    intent_memory = ffi.offsetof("arena_intent", "memory"),
    intent_faulted = ffi.offsetof("arena_intent", "faulted"),
    frame_size = ffi.sizeof("arena_think_frame"),
    frame_world = ffi.offsetof("arena_think_frame", "world"),
    frame_enemy_count = ffi.offsetof("arena_think_frame", "enemy_count"),
    frame_cell_points = ffi.offsetof("arena_think_frame", "cell_points"),
    grid_point_size = ffi.sizeof("arena_grid_point"),
    grid_point_velocity = ffi.offsetof("arena_grid_point", "velocity"),
  }
end

return P
