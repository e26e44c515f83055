-- expect: error: require: bad module name
return require("canarylib\0../x")
