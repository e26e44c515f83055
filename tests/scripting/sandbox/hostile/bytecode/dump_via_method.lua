-- expect: error: attempt to call field 'dump' (a nil value)
local s = ""
return s.dump(function() return 1 end)
