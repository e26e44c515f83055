-- A module that requires itself.
local me = require("selfreq")
return { me = me }
