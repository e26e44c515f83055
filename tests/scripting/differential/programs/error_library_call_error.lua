-- Ends in an error on purpose: a library function called with a bad
-- argument from the top level (not a tail call), so the message names the
-- function and carries this line.
local s = string.rep("x", 3)
local n = string.format("%d", s)
return n
