-- luacheck configuration for Arena's scripts (Debian's lua-check; CI runs `luacheck scripts/`).
std = "luajit"
-- The sandbox has no io/os/debug/ffi/jit/package; only the main VM has `arena` (hooks, director).
read_globals = { "arena" }
unused_args = false        -- think(self, world, mem): not every behaviour needs every argument
max_line_length = 120
exclude_files = { "types/*.lua" } -- LuaLS annotations, not code
