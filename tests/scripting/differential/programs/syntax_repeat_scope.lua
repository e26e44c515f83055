-- repeat ... until: the condition sees the block's locals, including ones
-- captured by closures, and each iteration gets fresh locals.
local out = {}

local i = 0
repeat
  local x = i * i
  i = i + 1
until x > 20
out[#out + 1] = "stopped at i=" .. i

local fs = {}
local n = 0
repeat
  local captured = n
  n = n + 1
  fs[#fs + 1] = function() return captured end
until captured >= 3
local vals = {}
for k = 1, #fs do vals[k] = fs[k]() end
out[#out + 1] = "captured " .. table.concat(vals, ",")

-- the until expression refers to a local shadowing an outer one
local stop = "outer"
local rounds = 0
repeat
  local stop = rounds >= 2
  rounds = rounds + 1
until stop
out[#out + 1] = "shadow rounds=" .. rounds .. " outer=" .. stop

-- until refers to a local that is captured by a closure created in the body
-- and modified by it
local count = 0
repeat
  local flag = false
  local function set() flag = true end
  count = count + 1
  if count == 3 then set() end
until flag
out[#out + 1] = "closure flag count=" .. count

-- break inside repeat, nested repeat
local outer_n, inner_total = 0, 0
repeat
  outer_n = outer_n + 1
  local j = 0
  repeat
    j = j + 1
    if j == 4 then break end
    inner_total = inner_total + j
  until j > 10
until outer_n >= 3
out[#out + 1] = "nested outer=" .. outer_n .. " inner_total=" .. inner_total

-- goto continue inside repeat with the label before until
local evens = {}
local k = 0
repeat
  local cur = k
  k = k + 1
  if cur % 2 == 1 then goto continue end
  evens[#evens + 1] = cur
  ::continue::
until cur >= 9
out[#out + 1] = "evens " .. table.concat(evens, ",")
return table.concat(out, "\n")
