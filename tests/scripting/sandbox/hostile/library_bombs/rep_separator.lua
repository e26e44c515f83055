-- expect: error: string.rep: the result would be
return #("x"):rep(1e8, ",")
