-- expect: error: while_true.lua:2: script exceeded its CPU budget
while true do end
