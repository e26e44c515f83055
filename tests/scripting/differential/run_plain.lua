-- Plain-LuaJIT reference runner for the differential corpus.
--
--   luajit run_plain.lua FILE LIBDIR [--restricted]
--
-- With --restricted the program and every module it requires run in the
-- environment of restricted_env.lua (only the sandbox's globals): a check of
-- the corpus, whose output for a valid program must be the same.
--
-- Compiles FILE with chunk name "@<basename of FILE>", makes require(name)
-- load LIBDIR/<name with dots as slashes>.lua (chunk name "@lib/<path>"),
-- calls the chunk with no arguments inside pcall and prints exactly one line:
--   result: <string>            the chunk returned a string
--   result: (<type>)            it returned anything else (nil included)
--   error: <message>            it raised a string error
--   error: (error object is a <type> value)   it raised anything else
local file, libdir, mode = arg[1], arg[2], arg[3]
if not file or not libdir or (mode and mode ~= "--restricted") then
  io.stderr:write("usage: luajit run_plain.lua FILE LIBDIR [--restricted]\n")
  os.exit(2)
end
local env -- nil: the plain global environment
if mode then
  local here = (arg[0]:match("^(.*[/\\])") or "")
  env = dofile(here .. "restricted_env.lua")
end

local function readall(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("*a")
  f:close()
  return s
end

local basename = file:match("([^/\\]+)$") or file

-- require(name) -> LIBDIR/a/b.lua, chunk name "@lib/a/b.lua".  The loader
-- sits in front of package.loaders; require itself does the caching in
-- package.loaded (so "bit", "math", "string" and "table" still come from
-- there).  The module chunk is called with no arguments.
table.insert(package.loaders, 1, function(name)
  local rel = name:gsub("%.", "/") .. ".lua"
  local path = libdir .. "/" .. rel
  local src = readall(path)
  if not src then
    return "\n\tno file '" .. path .. "'"
  end
  local chunk, err = loadstring(src, "@lib/" .. rel)
  if not chunk then
    error(string.format("error loading module '%s' from file '%s':\n\t%s",
                        name, "lib/" .. rel, err), 0)
  end
  if env then setfenv(chunk, env) end
  return function() return chunk() end
end)

local function report(ok, v)
  if ok then
    if type(v) == "string" then
      io.write("result: ", v, "\n")
    else
      io.write("result: (", type(v), ")\n")
    end
  else
    if type(v) == "string" then
      io.write("error: ", v, "\n")
    else
      io.write("error: (error object is a ", type(v), " value)\n")
    end
  end
end

local src, rerr = readall(file)
if not src then
  io.stderr:write("cannot read ", file, ": ", tostring(rerr), "\n")
  os.exit(2)
end
local chunk, cerr = loadstring(src, "@" .. basename)
if not chunk then
  report(false, cerr)
else
  -- pcall the chunk directly (no Lua frame in between), so that
  -- error(msg, 2) at the top level of a program adds no position, as when
  -- the host calls the chunk from C.
  if env then setfenv(chunk, env) end
  local ok, v = pcall(chunk)
  report(ok, v)
end
