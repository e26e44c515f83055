-- expect: error: undefined global "loadfile"
return loadfile("/etc/passwd")
