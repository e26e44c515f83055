-- boot.lua: runs first in every sandboxed VM, with the full standard library, and keeps it to
-- itself: scripts only ever see the environments the trusted modules build. Runs the trusted
-- modules (embedded in the binary) in order; each gets the shared context table and adds its part
-- (ctx.budget, ctx.environment, ctx.compile, ...). Their chunk names start with "[arena] ", so
-- positions in trusted code are recognisable (and never a script's).
-- Returns the table of host functions the C++ side calls (ctx.host).
local modules, ctx = ...

-- Trace diagnostics for people tuning scripts (ARENA_JIT_LOG=prefix): aborts and NYIs per VM.
if ctx.jit_log then
  if os.getenv("ARENA_JIT_DUMP") then require("jit.dump").start(os.getenv("ARENA_JIT_DUMP"), ctx.jit_log)
  else require("jit.v").start(ctx.jit_log) end
end

ctx.host = {}
for i = 1, #modules do
  local m = modules[i]
  assert(load(m.source, "=[arena] " .. m.name, "t"))(ctx)
end
return ctx.host
