-- expect: 2: require: bad module name "../etc/passwd"
local m = require("../etc/passwd")
return m
