-- goto across nested loops: break out of two loops, continue the outer loop
-- from the inner one, a backward goto building a loop, forward jumps over
-- blocks.
local out = {}

-- find the first pair (a, b) with a * b == 42 and a < b
local found
for a = 1, 10 do
  for b = 1, 50 do
    if a * b == 42 and a < b then
      found = a .. "*" .. b
      goto done
    end
  end
end
::done::
out[#out + 1] = "found " .. tostring(found)

-- continue the outer loop from the inner loop
local rows = {}
for r = 1, 5 do
  local cells = {}
  for c = 1, 5 do
    if c > r then goto next_row end
    if (r + c) % 4 == 0 then goto next_cell end
    cells[#cells + 1] = r * 10 + c
    ::next_cell::
  end
  ::next_row::
  rows[#rows + 1] = table.concat(cells, ",")
end
out[#out + 1] = "rows " .. table.concat(rows, " | ")

-- a loop built from a backward goto; each iteration's local is a fresh
-- upvalue (the jump closes it)
local fs = {}
local n = 1
::top::
local captured = n * n
fs[n] = function() return captured end
n = n + 1
if n <= 4 then goto top end
local vals = {}
for k = 1, #fs do vals[k] = fs[k]() end
out[#out + 1] = "backward " .. table.concat(vals, ",")

-- forward jump out of nested do-blocks, not an infinite loop
local steps = 0
::a:: do
  steps = steps + 1
  goto a2
end
::a2::
do
  do
    do
      steps = steps + 10
      goto out_of_blocks
    end
  end
end
::out_of_blocks::
out[#out + 1] = "steps " .. steps

-- cross jumping (from LuaJIT's goto test, reworded)
local x = 1
while true do
  goto inc
  ::check:: if x < 37 then goto cont end
  goto finished
  ::inc:: x = x + 2; goto check
  ::cont::
end
::finished::
out[#out + 1] = "cross " .. x

-- the same label name in sibling blocks
for p = 1, 2 do
  do goto l end
  ::l::
  do
    local z = p
    if z then goto l end
    ::l::
  end
  out[#out + 1] = "sibling " .. p
end

return table.concat(out, "\n")
