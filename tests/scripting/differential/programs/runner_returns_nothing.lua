-- The runner reports a chunk that returns nothing as "result: (nil)".
local t = {}
t[1] = "computed but not returned"
