-- expect: error: concat_operator_forever.lua:4: script exceeded its time limit
-- `..` is an operator, not a function: no wrapper can charge it. The time limit stops it.
local s, n = ("x"):rep(1048576), 0
while true do n = n + #(s .. n) end
