local ok, err = pcall(require, "cycle.a")
return { name = "b", ok = ok, err = err }
