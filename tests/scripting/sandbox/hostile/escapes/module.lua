-- expect: error: undefined global "module"
module("evil")
