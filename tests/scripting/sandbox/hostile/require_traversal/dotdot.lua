-- expect: error: require: bad module name "../escapes/G"
return require("../escapes/G")
