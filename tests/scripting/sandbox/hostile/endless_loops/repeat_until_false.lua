-- expect: error: repeat_until_false.lua:3: script exceeded its CPU budget
local n = 0
repeat n = n + 1 until false
