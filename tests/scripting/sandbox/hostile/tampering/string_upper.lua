-- expect: error: attempt to modify read-only library table 'string'
string.upper = function() return "pwned" end
