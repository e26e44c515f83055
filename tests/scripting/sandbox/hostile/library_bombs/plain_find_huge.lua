-- expect: result: nil
-- A plain find is linear whatever the input (memmem).
local hay = string.rep("a", 4000000)
return string.find(hay, string.rep("a", 2000) .. "b", 1, true)
