-- compile.lua: turns script source (never bytecode) into a function that runs in a sandbox
-- environment and pays into the budget at every loop iteration, call and goto.
--
-- The source is first compiled as it is, so syntax errors are LuaJIT's own. Then the instrumenter
-- (C++, sandbox/instrumenter.h) writes the checks in; it reads the source as LuaJIT's lexer and
-- parser do, so the result means the same. Should the instrumented text still not compile (a
-- chunk at one of LuaJIT's limits: 65,536 constants, jumps of 32,767 instructions, ...), the
-- chunk runs as it is, in the interpreter (jit.off), under a count hook that charges the same
-- budget: slower, but the same result within the same limits.
-- Provides ctx.compile(source, chunkname, env) -> function [, note].
local ctx = ...
local load, setfenv, rawset, byte, jit_off = load, setfenv, rawset, string.byte, jit.off
local instrument, hook_chunk = ctx.native.instrument, ctx.native.hook_chunk
local check = ctx.budget.check
local INSTRUMENT = ctx.limits.instrument

ctx.compile = function(source, chunkname, env)
  if byte(source, 1) == 27 then error(chunkname .. ": bytecode is refused; load Lua source", 0) end
  local raw, err = load(source, "@" .. chunkname, "t")
  if not raw then error(err, 0) end
  if not INSTRUMENT then
    setfenv(raw, env)
    return raw
  end
  local text, local_name, global_name = instrument(source)
  local fn, why = nil, local_name -- on failure instrument returns nil and the reason
  if text then fn, why = load(text, "@" .. chunkname, "t") end
  if fn then
    hook_chunk(chunkname, false)
    rawset(env, global_name, check)
    setfenv(fn, env)
    return fn
  end
  jit_off(raw, true)
  hook_chunk(chunkname, true)
  setfenv(raw, env)
  return raw, "runs in the interpreter, bounded by a count hook (" .. tostring(why) .. ")"
end
