-- Ends in an error on purpose: error(42) at level 1 turns the number into
-- a string with a position prefix.
local n = 41
error(n + 1)
