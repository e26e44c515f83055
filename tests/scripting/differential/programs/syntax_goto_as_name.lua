-- In LuaJIT 2.1 without 5.2 compatibility, "goto" is a statement only when
-- followed by a name; otherwise it is an ordinary identifier.
local out = {}
local goto = 1
local x = goto
goto = goto + 41
out[#out + 1] = "x=" .. x .. " goto=" .. goto

local t = { goto = "field", ["goto"] = nil }
t.goto = t.goto or "set"
out[#out + 1] = "t.goto=" .. tostring(t.goto)

local function f(goto, ...)
  return goto * 2, select("#", ...)
end
out[#out + 1] = "f=" .. table.concat({ f(goto, 1, 2) }, ",")

local obj = { goto = function(self, n) return "method " .. n end }
out[#out + 1] = obj:goto(3)
out[#out + 1] = obj.goto(obj, 4)

-- goto as a statement right next to goto as a variable
for i = 1, 3 do
  goto = goto + i
  if i == 2 then goto skip end
  out[#out + 1] = "loop " .. i .. " " .. goto
  ::skip::
end

-- labels written with spaces and comments inside the colons
do
  goto  --[[ c1 ]]  spaced
  out[#out + 1] = "not reached"
  ::  --[[c]] spaced --[==[ c2 ]==] ::
  out[#out + 1] = "reached spaced label"
end

return table.concat(out, "\n")
