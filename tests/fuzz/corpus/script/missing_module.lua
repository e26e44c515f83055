-- expect: 2: require: module 'no_such_module' not found in scripts/lib
local m = require("no_such_module")
return { name = "M", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1, think = m }
