-- expect: error: sort_comparator.lua:2: table.sort: calls nested too deep
local function cmp(a, b) table.sort({3, 2, 1}, cmp) return a < b end
table.sort({3, 2, 1}, cmp)
