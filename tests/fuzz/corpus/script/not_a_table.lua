-- expect: 3: an enemy script must return a table
local x = 1
return x
