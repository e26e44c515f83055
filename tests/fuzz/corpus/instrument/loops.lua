local n = 0
for i = 1, 10 do n = n + i end
for k, v in pairs({a = 1, b = 2}) do n = n + v end
local j = 0
while j < 5 do j = j + 1 end
repeat j = j - 1 until j == 0
return n, j
