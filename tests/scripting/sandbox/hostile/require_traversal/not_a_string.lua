-- expect: error: require: bad module name table
return require({})
