local cafédo = 1
local xéfunction = function() return cafédo end
for i = 1, 2 do cafédo = cafédo + i end
return xéfunction()
