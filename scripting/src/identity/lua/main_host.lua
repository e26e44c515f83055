-- main_host.lua: the host functions of the main VM (MainVm calls them): an enemy script's hooks
-- and the director. The main VM runs no think: it checks the same contract but builds no driver
-- and declares no FFI type (it is never replaced, and LuaJIT's ctype table is finite).
local ctx = ...
local H, env_mod = ctx.host, ctx.environment

-- Loads an enemy script for its hooks: returns the hooks table and the checked description.
function H.load_hooks(source, chunkname)
  local env, cache = env_mod.make_env()
  local fn, note = ctx.compile(source, chunkname, env)
  local d = ctx.contract_check.enemy(ctx.native.call(fn), source, chunkname)
  local hooks = d.hooks
  d.think, d.hooks, d.modules, d.note = nil, {}, env_mod.required(cache), note
  for name in pairs(hooks) do d.hooks[name] = true end
  return hooks, d
end

-- Loads the director: returns its update function.
function H.load_director(source, chunkname)
  local env, cache = env_mod.make_env()
  local fn, note = ctx.compile(source, chunkname, env)
  return ctx.contract_check.director(ctx.native.call(fn), source, chunkname), env_mod.required(cache), note
end
