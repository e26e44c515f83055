-- expect: error: undefined global "os"
return os.execute("true")
