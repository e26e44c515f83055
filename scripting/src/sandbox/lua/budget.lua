-- budget.lua: the CPU budget of every script call (the C side and the rules: sandbox/budget.h).
--
-- Instrumented scripts call `check` at every loop iteration, function entry and goto (see
-- sandbox/instrumenter.h). It is a plain Lua function the JIT inlines: four instructions on a
-- counter in host memory. Every `chunk` checks it takes the slow path, which decides.
-- Provides ctx.budget = { check, slow, charge, cstack, where, error, ... }. C++ begins every
-- call's budget (beginBudget): trusted Lua never does.
local ctx = ...
-- package.loaded keeps the module, and with it the FFI's finalizer table: Debian 12's LuaJIT does
-- not treat that table as a GC root (LuaJIT #1168), and lua_close crashes once it was collected.
local ffi = require("ffi")
local getinfo, error, floor, max, format = debug.getinfo, error, math.floor, math.max, string.format
local sub = string.sub

ffi.cdef(ctx.budget_cdef)
ffi.cdef[[
struct arena_timespec { long tv_sec; long tv_nsec; };
int clock_gettime(int clock, struct arena_timespec *ts);
]]
local B = ffi.cast("arena_budget *", ctx.budget_address)
local CSTACK_ROOM = ffi.cast("int (*)(const arena_budget *)", ctx.cstack_room)
local limits = ctx.limits
local CHUNK = limits.chunk
local INTERVAL = limits.clock_interval
local TS = ffi.new("struct arena_timespec")
local function now()
  ffi.C.clock_gettime(1, TS) -- CLOCK_MONOTONIC, as budgetClockNow() in C++
  return tonumber(TS.tv_sec) + tonumber(TS.tv_nsec) * 1e-9
end

-- "file:line: " of the innermost script frame (scripts' chunk names start with '@', the trusted
-- chunks' with '='), so sandbox errors point at the script's line even across tail calls.
local function where()
  for level = 2, 40 do
    local info = getinfo(level, "Sl")
    if not info then break end
    if sub(info.source, 1, 1) == "@" and info.currentline > 0 then
      return info.short_src .. ":" .. info.currentline .. ": "
    end
  end
  return ""
end
local function sandbox_error(message) error(where() .. message, 0) end

local WHAT = { [0] = "one think", "a chunk's top level", "one hook call", "one director update" }
local STATE = { message = "" } -- the message of the spent budget, raised again by every check
debug.getregistry()["arena.budget_state"] = STATE

local function spent(kind)
  B.exhausted, B.countdown, B.remaining = kind, 0, -1
  local message
  if kind == 1 then
    message = format("script exceeded its CPU budget (%.0f units of loop iterations, calls and library work in %s)",
                     B.units, WHAT[B.kind] or "one call")
  else
    message = format("script exceeded its time limit (%g s for %s)", B.seconds,
                     B.kind == 0 and "a batch of thinks" or WHAT[B.kind] or "one call")
  end
  STATE.message = where() .. message .. ": an endless loop? (the call was stopped; the game goes on)"
  error(STATE.message, 0)
end

-- Entered when countdown went below zero (a check), or from charge(). Units left: remaining +
-- countdown, exactly. Reads the clock and sizes the next chunk so that the clock is read about
-- every INTERVAL seconds however slow the checks are.
local function slow()
  if B.exhausted ~= 0 then
    B.countdown = 0
    error(STATE.message, 0)
  end
  local available = B.remaining + B.countdown
  if available < 0 then spent(1) end
  local t = now()
  if t > B.deadline then spent(2) end
  local chunk = B.chunk
  local took = t - B.clock
  if took > INTERVAL then
    chunk = max(1, floor(chunk * INTERVAL / took))
  elseif chunk < CHUNK then
    chunk = chunk * 2 < CHUNK and chunk * 2 or CHUNK
  end
  if chunk > available then chunk = available end
  B.clock, B.chunk, B.countdown, B.remaining = t, chunk, chunk, available - chunk
end
debug.getregistry()["arena.budget_slow"] = slow -- the count hook of uninstrumented chunks calls it

local function check()
  local c = B.countdown - 1
  B.countdown = c
  if c < 0 then slow() end
end

-- Library work, charged before it is done: if the units are gone the call stops here, at the
-- script's line. A big charge also reads the clock.
local function charge(units)
  local r = B.remaining - units
  if r < 0 or units >= CHUNK then
    B.remaining, B.countdown = r + B.countdown, 0
    slow()
  else
    B.remaining = r
  end
end

-- Calls that run script code from inside C (sort comparators, gsub callbacks, __tostring) nest on
-- the C stack, which LuaJIT does not limit: stop them well before it runs out.
local function cstack(what)
  if CSTACK_ROOM(B) == 0 then
    sandbox_error(what .. ": calls nested too deep (script code called from C, e.g. sort comparators, " ..
                  "gsub callbacks or __tostring, nests at most about 1 MiB of C stack)")
  end
end

ctx.budget = {
  cell = B, check = check, slow = slow, charge = charge, cstack = cstack, now = now,
  where = where, error = sandbox_error, state = STATE,
  exhausted = function() return B.exhausted ~= 0 end,
}
