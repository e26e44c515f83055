-- expect: error: require: module 'os' not found
return require("os")
