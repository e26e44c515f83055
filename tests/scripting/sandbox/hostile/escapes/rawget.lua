-- expect: error: undefined global "rawget"
return rawget(string, "dump")
