-- host.lua: the host functions every sandboxed VM has (SandboxedVm calls them).
local ctx = ...
local H, env_mod = ctx.host, ctx.environment

-- The lib modules scripts may require: name -> { source, chunkname }.
H.set_modules = env_mod.set_modules

-- Runs a chunk's top level under the same environment and limits as enemy scripts (scriptcheck
-- --exec, the differential tests). Returns a description of its first result, the result itself
-- when it is a string, its type, and the compiler's note (why it runs uninstrumented) if any.
function H.run_chunk(source, chunkname)
  local fn, note = ctx.compile(source, chunkname, env_mod.make_env())
  local result = ctx.native.call(fn)
  return env_mod.describe(result), type(result) == "string" and result or nil, type(result), note
end

-- No trace event handler here (jit.attach): one crashed LuaJIT (SIGSEGV inside lua_pcall, about
-- 1 run in 30 of the hostile corpus, even a handler that allocated nothing). JIT health is
-- measured in separate processes by `scriptcheck --jit`.
function H.set_jit(on)
  if on then jit.on() else jit.off() end
  jit.flush()
end

-- Whether LuaJIT's compiler is on in this VM (asked of LuaJIT itself).
function H.jit_on() return (jit.status()) end

-- The names scripts can use, for checking the LuaLS annotations (scriptcheck).
function H.api()
  local contract, methods = {}, {}
  for _, f in ipairs(ctx.contract) do contract[#contract + 1] = f.name end
  for _, h in ipairs(ctx.contract.hooks) do contract[#contract + 1] = h end
  for k in pairs(ctx.views and ctx.views.methods or {}) do methods[#methods + 1] = k end
  table.sort(contract)
  table.sort(methods)
  return { contract = contract, world_methods = methods }
end
