-- expect: error: require: bad module name ""
return require("")
