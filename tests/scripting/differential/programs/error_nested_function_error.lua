-- Ends in an error on purpose: an error raised three calls deep, with
-- level 2 pointing at the middle caller's line.
local function check(v)
  if type(v) ~= "number" then
    error("expected a number, got " .. type(v), 2)
  end
  return v
end
local function middle(v)
  local r = check(v)
  return r
end
local function outer()
  local total = middle(1) + middle("two")
  return total
end
outer()
return "unreached"
