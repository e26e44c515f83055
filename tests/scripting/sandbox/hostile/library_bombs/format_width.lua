-- expect: error: invalid
return string.format("%99999d", 1)
