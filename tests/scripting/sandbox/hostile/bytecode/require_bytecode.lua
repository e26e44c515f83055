-- expect: error: require: module 'bc' not found
-- lib/bc.lua is bytecode: the host refuses to read it, so it is not there at all.
return require("bc")
