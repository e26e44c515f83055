-- The runner reports a non-string result by its type: "result: (number)".
local x = 6 * 7
return x
