-- expect: error: require: module 'jit' not found in scripts/lib
return require("jit").off()
