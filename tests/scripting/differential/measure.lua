-- Rough cost of a corpus program, to keep each well inside the sandbox's
-- budget (1,000,000 loop iterations plus function calls, 0.3 s):
--
--   luajit measure.lua FILE LIBDIR
--
-- prints "calls=<n> instructions=<n> seconds=<s> FILE".  Runs with the JIT
-- off so the hooks see everything; "calls" counts Lua and C function calls
-- (metamethods included), "instructions" is an upper bound on loop
-- iterations.  Timing is of a plain JIT-on run.
local file, libdir = arg[1], arg[2]
local function readall(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end
table.insert(package.loaders, 1, function(name)
  local rel = name:gsub("%.", "/") .. ".lua"
  local src = readall(libdir .. "/" .. rel)
  if not src then return "\n\tno file" end
  local chunk = assert(loadstring(src, "@lib/" .. rel))
  return function() return chunk() end
end)
local chunk = assert(loadstring(assert(readall(file)), "@" .. file:match("[^/]+$")))
local t0 = os.clock()
pcall(chunk)
local secs = os.clock() - t0
for k in pairs(package.loaded) do
  if k:find("^[%w_]+%.") or k == "counter" or k == "returns_nothing" or k == "errors_at_load" then package.loaded[k] = nil end
end
jit.off()
local calls, ins = 0, 0
debug.sethook(function(ev) if ev == "count" then ins = ins + 1 else calls = calls + 1 end end, "c", 1)
pcall(chunk)
debug.sethook()
io.write(string.format("calls=%d instructions=%d seconds=%.3f %s\n", calls, ins, secs, file))
