-- require("bit") (and the other libraries LuaJIT preloads) gives the library, as plain LuaJIT's
-- require does.
local bit2 = require("bit")
local m = require("math")
local s = require("string")
local t = require("table")
return table.concat({ bit2.band(12, 10), bit2.tohex(255, 2), m.floor(2.5), s.upper("x"), t.concat({ 1, 2 }, "+"),
                      tostring(require("bit") == bit2) }, " ")
