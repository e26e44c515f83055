-- expect: error: format_argument_error.lua:2: bad argument #2 to 'format' (number expected, got string)
return string.format("%d", "x")
