-- cycle.a requires cycle.b, which requires cycle.a again.
local b = require("cycle.b")
return { name = "a", b = b }
