-- expect: error: attempt to modify read-only library table 'math'
math.floor = function() return 42 end
