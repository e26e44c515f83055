-- expect: error: attempt to call field 'dump' (a nil value)
return ("").dump(function() end)
