-- goto continue: label at the end of a loop body, after locals.
local out = {}

for i = 1, 12 do
  local x = i * 2
  local y = x + 1
  if x % 3 == 0 then goto continue end
  out[#out + 1] = "for:" .. x .. "/" .. y
  ::continue::
end

local i = 0
while i < 10 do
  i = i + 1
  local sq = i * i
  if i % 2 == 0 then goto continue end
  out[#out + 1] = "while:" .. sq
  ::continue::
end

-- generic for, goto continue, closures created before the jump
local fns = {}
for k, v in ipairs({ "a", "b", "c", "d" }) do
  local tag = v .. k
  fns[#fns + 1] = function() return tag end
  if k == 2 then goto continue end
  out[#out + 1] = "ipairs:" .. tag
  ::continue::
end
for n = 1, #fns do out[#out + 1] = "closure:" .. fns[n]() end

-- repeat: the local is declared before the goto, the label sits right
-- before until, and until still sees the local.
local j = 0
repeat
  local done = j >= 4
  j = j + 1
  if j == 2 then goto skip end
  out[#out + 1] = "repeat:" .. j
  ::skip::
until done

-- continue with a trailing label followed by nothing but a comment
for q = 1, 3 do
  local w = q
  if w == 2 then goto next_q end
  out[#out + 1] = "q" .. w
  ::next_q:: -- nothing after the label
end

return table.concat(out, "\n")
