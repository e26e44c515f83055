-- expect: error: script exceeded its CPU budget
table.sort({3, 1, 2}, function(a, b) while true do end end)
