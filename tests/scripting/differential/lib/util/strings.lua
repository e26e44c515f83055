-- A plain module: returns a table of functions.
local M = {}
local loads = 0
loads = loads + 1
M.loads = loads
function M.trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
function M.split(s, sep)
  local r = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do r[#r + 1] = piece end
  return r
end
function M.fail(msg)
  error("util.strings: " .. msg)   -- position is this file's line
end
function M.fail2(msg)
  error(msg, 2)                    -- position is the caller's line
end
return M
