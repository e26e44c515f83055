-- expect: result: false
return getmetatable("")
