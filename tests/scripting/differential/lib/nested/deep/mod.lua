-- A module two directories down: require("nested.deep.mod").
local strings = require("util.strings")
return {
  name = "nested.deep.mod",
  shout = function(s) return strings.trim(s):upper() end,
  mathlib = require("math"),
  bitlib = require("bit"),
}
