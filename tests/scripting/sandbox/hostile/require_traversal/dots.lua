-- expect: error: require: bad module name "a..b"
return require("a..b")
