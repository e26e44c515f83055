-- expect: error: table.sort: 200000 elements is more than the sandbox sorts
local t = {}
for i = 1, 200000 do t[i] = 200000 - i end
table.sort(t)
