-- A require cycle: cycle.a requires cycle.b, which requires cycle.a while
-- it is still loading.  LuaJIT's require reports the loop.
local a = require("cycle.a")
return "a=" .. a.name .. " b=" .. a.b.name .. " inner ok=" .. tostring(a.b.ok) .. " err=" .. tostring(a.b.err)
