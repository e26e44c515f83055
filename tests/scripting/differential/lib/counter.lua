-- A module with state: require returns the same table every time.
local n = 0
local M = {}
function M.next() n = n + 1; return n end
M.args = select("#", ...)
return M
