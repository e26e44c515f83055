-- expect: error: require: module 'ffi' not found in scripts/lib
local ffi = require("ffi")
return ffi.C
