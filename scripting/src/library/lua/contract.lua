-- contract.lua: checks the table an enemy script returns against the contract (the field table
-- comes from C++, library/contract.h: one source for names, types, ranges and defaults).
--
-- The table is read raw and exactly once (snapshot): a metatable cannot answer differently on a
-- second read, and a field only its __index supplies does not exist. Everything afterwards (the
-- Lua memory struct, the C++ layout, the inspector, migrations) comes from the checked copy.
-- Provides ctx.contract_check = { enemy, director }.
local ctx = ...
local native, describe = ctx.native, ctx.environment.describe
local type, next, error, rawget, format = type, next, error, rawget, string.format
local match, sort, concat = string.match, table.sort, table.concat
local MAX_FIELDS = 64

local FIELDS, ORDER, HOOKS, names = {}, {}, {}, {}
for i, f in ipairs(ctx.contract) do
  FIELDS[f.name], ORDER[i], names[i] = f, f, f.name
end
for _, hook in ipairs(ctx.contract.hooks) do HOOKS[hook] = true end
local FIELD_LIST = concat(names, ", ")

local function fail(source, chunkname, key, message)
  error(format("%s:%d: %s", chunkname, native.field_line(source, key), message), 0)
end

-- A raw copy of t's fields (at most MAX_FIELDS).
local function snapshot(t, source, chunkname, key, what)
  local copy, n = {}, 0
  local k, v = next(t)
  while k ~= nil do
    n = n + 1
    if n > MAX_FIELDS then fail(source, chunkname, key, format("%s has more than %d fields", what, MAX_FIELDS)) end
    copy[k] = v
    k, v = next(t, k)
  end
  return copy
end

local function number_error(f, v)
  local range = format("%s must be a %snumber from %.14g to %.14g", f.name, f.whole and "whole " or "", f.min, f.max)
  return range .. " (got " .. describe(v) .. ")"
end

local function checked(f, v, source, chunkname)
  local t = type(v)
  if f.type == "number" then
    if t ~= "number" or not (v >= f.min and v <= f.max) or (f.whole and v % 1 ~= 0) then
      fail(source, chunkname, f.name, number_error(f, v))
    end
    return v
  elseif f.type == "string" then
    if t ~= "string" or #v < f.min or #v > f.max then
      fail(source, chunkname, f.name, format("%s must be a string of %d to %d characters (got %s)", f.name, f.min, f.max, describe(v)))
    end
    return v
  elseif f.type == "color" then
    local hex = t == "string" and match(v, "^#(%x%x%x%x%x%x)$")
    if hex then return tonumber(hex, 16) * 256 + 255 end
    hex = t == "string" and match(v, "^#(%x%x%x%x%x%x%x%x)$")
    if hex then return tonumber(hex, 16) end
    fail(source, chunkname, f.name, f.name .. " must be a string like \"#ff5a4a\" (got " .. describe(v) .. ")")
  elseif t ~= f.type then
    fail(source, chunkname, f.name, f.name .. " must be a " .. f.type .. " (got " .. describe(v) .. ")")
  end
  return v
end

-- memory = { name = "float" | "double" | "int" | "bool" } -> a sorted list of { name, type },
-- checked and laid out by C++ (native.memory_layout: the one layout codec).
local function memory_declaration(t, source, chunkname)
  local raw = snapshot(t, source, chunkname, "memory", "memory")
  local list = {}
  for k, v in next, raw do
    if type(k) ~= "string" or type(v) ~= "string" then
      fail(source, chunkname, "memory", "memory must map field names to type names (got " .. describe(k) .. " = " .. describe(v) .. ")")
    end
    list[#list + 1] = { name = k, type = v }
  end
  sort(list, function(a, b) return a.name < b.name end)
  local cdecl, size, offsets = native.memory_layout(list)
  if not cdecl then
    -- point at the field's own line when it has one, else at `memory =`
    local line = offsets and native.field_line(source, offsets)
    fail(source, chunkname, line and line ~= native.field_line(source, nil) and offsets or "memory", size)
  end
  return list, cdecl, size, offsets
end

local function enemy(def, source, chunkname)
  if type(def) ~= "table" then
    fail(source, chunkname, nil, "an enemy script must return a table (got " .. type(def) .. ")")
  end
  local raw = snapshot(def, source, chunkname, nil, "the returned table")
  local d = { hooks = {} }
  for k, v in next, raw do
    if type(k) ~= "string" then
      fail(source, chunkname, nil, "unexpected key " .. describe(k) .. " in the returned table")
    elseif HOOKS[k] then
      if type(v) ~= "function" then fail(source, chunkname, k, k .. " must be a function (got " .. describe(v) .. ")") end
      d.hooks[k] = v
    elseif not FIELDS[k] then
      fail(source, chunkname, k, "unknown field '" .. k .. "' (fields: " .. FIELD_LIST .. ")")
    end
  end
  for _, f in ipairs(ORDER) do
    local v = raw[f.name]
    if v == nil then
      if f.required then
        fail(source, chunkname, nil, "missing required field '" .. f.name .. "' (the returned table is read as it is: " ..
                                     "a field only its metatable's __index supplies does not count)")
      end
      d[f.name] = f.default
    else
      d[f.name] = checked(f, v, source, chunkname)
    end
  end
  d.memory, d.memory_cdecl, d.memory_size, d.memory_offsets = memory_declaration(raw.memory or {}, source, chunkname)
  return d
end

-- The director returns { update = function(state, info) ... end }.
local function director(def, source, chunkname)
  local update = type(def) == "table" and rawget(def, "update")
  if type(update) ~= "function" then
    fail(source, chunkname, "update", "the director must return a table with an update(state, info) function")
  end
  return update
end

ctx.contract_check = { enemy = enemy, director = director }
