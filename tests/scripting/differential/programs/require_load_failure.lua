-- A module that raises an error while loading: the error reaches the
-- caller of require unchanged, with the module's chunk name and line.
local out = {}
local ok, err = pcall(require, "errors_at_load")
out[#out + 1] = "pcall(require) " .. tostring(ok) .. " " .. tostring(err)
local ok2, err2 = pcall(function() local m = require("errors_at_load"); return m end)
out[#out + 1] = "again from Lua " .. tostring(ok2) .. " " .. tostring(err2)
return table.concat(out, "\n")
