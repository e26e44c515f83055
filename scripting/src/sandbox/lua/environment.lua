-- environment.lua: what a script sees. Every script, and every module it requires, runs in an
-- environment of its own whose globals are the safe ones below; the libraries are read-only
-- proxies over copies; the string metatable points at the safe copy.
--
-- The rule for the wrappers here: a valid program must behave exactly as under plain LuaJIT, errors
-- included. So a wrapper checks or charges, then *tail-calls* the original: LuaJIT then reports an
-- argument error at the script's line and under the name the script used, as if there were no
-- wrapper. pcall and xpcall must look at the result (a spent budget is raised again): they are
-- C functions, so they add no Lua frame either (sandbox/protected_calls.cpp).
--
-- Trusted code (this file and the others under [arena]) never calls string methods (`s:sub()`):
-- those go through the safe copy, which charges the running script.
-- Provides ctx.environment = { make_env, libs }.
local ctx = ...
local budget = ctx.budget
local limits, native = ctx.limits, ctx.native
local charge, cstack, where, sandbox_error = budget.charge, budget.cstack, budget.where, budget.error
local B, STATE = budget.cell, budget.state
local type, error, select, setmetatable, rawset, pairs = type, error, select, setmetatable, rawset, pairs
local raw_tostring, raw_tonumber, raw_pcall = tostring, tonumber, pcall
local floor, format = math.floor, string.format
local raw_find, raw_match, byte = string.find, string.match, string.byte
local UNIT, MAX_STRING, MAX_SORT = limits.bytes_per_unit, limits.max_string, limits.max_sort
local BIG = 4096 -- bytes (or elements) below which library work is not worth charging

-- Names a value for an error message without running any of its metamethods.
local function describe(v)
  local t = type(v)
  if t == "string" then return format("%q", #v > 40 and string.sub(v, 1, 40) .. "..." or v) end
  if t == "number" or t == "boolean" or t == "nil" then return raw_tostring(v) end
  return t
end

local function copy_fields(src, names)
  local t = {}
  for i = 1, #names do t[names[i]] = src[names[i]] end
  return t
end

local function readonly(libname, fields)
  return setmetatable({}, {
    __index = fields,
    __newindex = function(_, k)
      error(format("attempt to modify read-only library table '%s' (field %s)", libname, describe(k)), 2)
    end,
    __metatable = false,
  })
end

----------------------------------------------------------------------------------------------------
-- math, bit: nothing unbounded, nothing global (no random: randomness comes from the engine)
----------------------------------------------------------------------------------------------------
local safe_math = copy_fields(math, {
  "abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cosh", "deg", "exp", "floor", "fmod",
  "frexp", "ldexp", "log", "log10", "max", "min", "modf", "pow", "rad", "sin", "sinh", "sqrt",
  "tan", "tanh",
})
safe_math.pi, safe_math.huge = math.pi, math.huge
local safe_bit = copy_fields(bit, {
  "tobit", "tohex", "bnot", "band", "bor", "bxor", "lshift", "rshift", "arshift", "rol", "ror", "bswap",
})

----------------------------------------------------------------------------------------------------
-- string: bounded pattern matching (C++), charged byte work, no dump, no %p
----------------------------------------------------------------------------------------------------
local raw_rep, raw_sub, raw_format = string.rep, string.sub, string.format
local raw_upper, raw_lower, raw_reverse = string.upper, string.lower, string.reverse
local safe_string = copy_fields(string, { "char", "len" })
for name, fn in pairs(native.strings) do safe_string[name] = fn end -- find, match, gmatch, gsub

-- The length string.rep sees for a string argument (numbers are converted like tostring does).
local function length_as_string(v)
  local t = type(v)
  if t == "string" then return #v end
  if t == "number" then return #raw_tostring(v) end
  return nil
end

safe_string.rep = function(...)
  local s, n, sep = ...
  local ls = length_as_string(s)
  local count = type(n) == "number" and n or type(n) == "string" and raw_tonumber(n) or nil
  local lsep = sep == nil and 0 or length_as_string(sep)
  if ls and count and lsep and count >= 1 then
    local size = ls * count + lsep * (count - 1)
    if size > MAX_STRING then
      sandbox_error(format("string.rep: the result would be %.0f bytes (the sandbox allows %d)", size, MAX_STRING))
    end
    if size > BIG then charge(size / UNIT) end
  end
  return raw_rep(...)
end

-- LuaJIT 2.1.0-beta3 (Debian 12) compiles string.sub/string.byte(s, i, j) with j > #s behind an
-- unsigned guard that a negative j also passes; the trace then reads that j as #s, so a hot
-- `s:sub(i, -6)` can return the tail of the string (fixed upstream in November 2025, LuaJIT
-- #1407). An end in (#s, 2^31) means #s exactly, so handing over #s instead gives the same result
-- and keeps that guard out of every trace.
local raw_byte = string.byte
local INT_LIMIT = 2147483648
local function end_within(s, j)
  local n = j
  if type(n) == "string" then n = raw_tonumber(n) end
  if type(n) == "number" and n > #s and n < INT_LIMIT then return #s end
  return j
end

safe_string.sub = function(...)
  local s, i, j = ...
  if type(s) ~= "string" then return raw_sub(...) end
  local e = j
  if j ~= nil then e = end_within(s, j) end
  if #s > BIG and type(i) == "number" and (e == nil or type(e) == "number") then
    local l = #s
    local a, b = i, e or -1
    if a < 0 then a = l + a + 1 end
    if a < 1 then a = 1 end
    if b < 0 then b = l + b + 1 end
    if b > l then b = l end
    if b - a > BIG then charge((b - a) / UNIT) end
  end
  if e == j then return raw_sub(...) end
  return raw_sub(s, i, e)
end

safe_string.byte = function(...)
  local s, i, j = ...
  if type(s) ~= "string" or j == nil then return raw_byte(...) end
  local e = end_within(s, j)
  if e == j then return raw_byte(...) end
  return raw_byte(s, i, e)
end

local function charged_by_length(raw)
  return function(...)
    local s = ...
    if type(s) == "string" and #s > BIG then charge(#s / UNIT) end
    return raw(...)
  end
end
safe_string.upper = charged_by_length(raw_upper)
safe_string.lower = charged_by_length(raw_lower)
safe_string.reverse = charged_by_length(raw_reverse)

-- Refuses the conversion %p (it prints addresses); "%%p" is a literal and fine.
local function refuse_pointer_format(fmt)
  local i = 1
  while true do
    local p = raw_find(fmt, "%", i, true)
    if not p then return end
    if byte(fmt, p + 1) == 37 then
      i = p + 2
    else
      local _, e = raw_find(fmt, "^[-+ #0]*%d*%.?%d*", p + 1)
      if byte(fmt, e + 1) == 112 then
        sandbox_error("string.format: '%p' is not available in the sandbox (it prints addresses)")
      end
      i = e + 2
    end
  end
end

safe_string.format = function(...)
  local fmt = ...
  if type(fmt) == "string" then
    local bytes = #fmt
    for k = 2, select("#", ...) do
      local a = select(k, ...)
      local t = type(a)
      if t == "string" then
        bytes = bytes + #a
      elseif t == "table" or t == "userdata" or t == "cdata" then
        cstack("string.format") -- %s calls __tostring from C
      end
    end
    if bytes > BIG then charge(bytes / UNIT) end
    refuse_pointer_format(fmt)
  end
  return raw_format(...)
end

-- Strings index through one metatable shared by the whole VM: point it at the safe copy and hide
-- it, so no script can reach or change what other scripts' strings do.
do
  local string_mt = getmetatable("")
  string_mt.__index = readonly("string", safe_string)
  string_mt.__metatable = false
end

----------------------------------------------------------------------------------------------------
-- table: sort and the shifting functions are charged
----------------------------------------------------------------------------------------------------
local raw_sort, raw_insert, raw_remove, raw_concat = table.sort, table.insert, table.remove, table.concat
local safe_table = copy_fields(table, { "maxn" })

safe_table.sort = function(...)
  local t = ...
  if type(t) == "table" then
    local n = #t
    if n > MAX_SORT then
      sandbox_error(format("table.sort: %d elements is more than the sandbox sorts (%d)", n, MAX_SORT))
    end
    if n > 1 then charge(n * math.log(n) * 1.5) end -- comparisons, as the loop doing them would cost
    cstack("table.sort") -- comparators and __lt run from C
  end
  return raw_sort(...)
end

safe_table.insert = function(...)
  local t, pos = ...
  if select("#", ...) == 3 and type(t) == "table" and type(pos) == "number" then
    local shift = #t - pos
    if shift > BIG then charge(shift) end
  end
  return raw_insert(...)
end

safe_table.remove = function(...)
  local t, pos = ...
  if type(t) == "table" and type(pos) == "number" then
    local shift = #t - pos
    if shift > BIG then charge(shift) end
  end
  return raw_remove(...)
end

safe_table.concat = function(...)
  local t, _, i, j = ...
  if type(t) == "table" and (i == nil or type(i) == "number") and (j == nil or type(j) == "number") then
    local n = (j or #t) - (i or 1)
    if n > BIG then charge(n) end
  end
  return raw_concat(...)
end

----------------------------------------------------------------------------------------------------
-- The globals
----------------------------------------------------------------------------------------------------
local function safe_tostring(...)
  local t = type((...))
  if t == "table" or t == "userdata" or t == "cdata" then cstack("tostring") end -- __tostring from C
  return raw_tostring(...)
end

local function safe_tonumber(...)
  local s = ...
  if type(s) == "string" and #s > BIG then charge(#s / UNIT) end
  return raw_tonumber(...)
end

local LIBS = {
  math = readonly("math", safe_math),
  string = readonly("string", safe_string),
  table = readonly("table", safe_table),
  bit = readonly("bit", safe_bit),
}

local SAFE = {
  assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs,
  pcall = native.pcall, xpcall = native.xpcall, -- C: see sandbox/protected_calls.cpp
  select = select, tonumber = safe_tonumber,
  tostring = safe_tostring, type = type, unpack = unpack, rawequal = rawequal,
  setmetatable = setmetatable, getmetatable = getmetatable, _VERSION = _VERSION,
  math = LIBS.math, string = LIBS.string, table = LIBS.table, bit = LIBS.bit,
  -- The main VM's command API for hooks and the director (absent in the pool's VMs: think is pure).
  arena = ctx.arena and readonly("arena", ctx.arena) or nil,
}
setmetatable(SAFE, {
  __index = function(_, k)
    error(format("undefined global %s (only the sandbox's libraries are globals)", describe(k)), 2)
  end,
  __newindex = function(_, k)
    error(format("attempt to create global variable %s (declare it with 'local')", describe(k)), 2)
  end,
  __metatable = false,
})

----------------------------------------------------------------------------------------------------
-- Environments and require
----------------------------------------------------------------------------------------------------
local MODULES = {} -- module name -> { source = text, chunkname = "lib/x.lua" }, set by the host
local LOADING = {} -- marks a module that is loading, or failed to: as package.loaded's sentinel

local function set_modules(modules)
  MODULES = {}
  for name, entry in pairs(modules) do MODULES[name] = entry end
end

-- "steer", "ai.flock": identifiers joined by dots, nothing else (no paths, no "..", no "/").
local function valid_module_name(name)
  return type(name) == "string" and #name <= 128 and raw_match(name, "^[%a_][%w_%.]*$") ~= nil and
         not raw_find(name, "..", 1, true) and not raw_find(name, "%.$") and not raw_find(name, "%.%d")
end

local make_env

-- Like LuaJIT's require (the same messages; a module that is loading or failed to load is "a loop
-- or previous error"), but it loads only the sources the host read from scripts/lib, compiles
-- them as it compiles scripts, and caches per script.
local function make_require(cache)
  return function(name)
    if not valid_module_name(name) then
      error(format("require: bad module name %s (use names like 'steer' or 'ai.flock')", describe(name)), 2)
    end
    local builtin = LIBS[name]
    if builtin then return builtin end
    local cached = cache[name]
    if cached == LOADING then
      error(format("loop or previous error loading module '%s'", name), 2)
    end
    if cached ~= nil then return cached end
    local lib = MODULES[name]
    if not lib then error(format("require: module '%s' not found in scripts/lib", name), 2) end
    local fn = ctx.compile(lib.source, lib.chunkname, make_env(cache))
    cache[name] = LOADING
    local ok, result = raw_pcall(native.call, fn)
    if not ok or B.exhausted ~= 0 then
      error(B.exhausted ~= 0 and STATE.message or type(result) == "string" and result or
            ("(error object is a " .. type(result) .. " value)"), 0)
    end
    if result == nil then result = true end
    cache[name] = result
    return result
  end
end

-- Each script (and each module it loads) runs in its own environment; modules are cached per
-- script (the cache is shared by the script and its modules), so no script can change a module
-- another script uses. The cache's string keys are the modules the script loaded, transitively.
make_env = function(cache)
  cache = cache or {}
  local env = setmetatable({}, {
    __index = SAFE,
    __newindex = function(_, k)
      error(format("attempt to create global variable %s (declare it with 'local')", describe(k)), 2)
    end,
    __metatable = false,
  })
  rawset(env, "require", make_require(cache))
  return env, cache
end

-- The modules a cache holds, sorted: what a script required, directly or not (failed ones too).
local function required(cache)
  local names = {}
  for name in pairs(cache) do names[#names + 1] = name end
  table.sort(names)
  return names
end

ctx.environment = {
  make_env = make_env, required = required, set_modules = set_modules, describe = describe,
  globals = SAFE,
}
