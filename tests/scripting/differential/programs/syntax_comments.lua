--[==[ A long comment at the very start,
spanning lines, with ]] and ]=] inside ]==]
-- Comments and long comments in every gap between tokens.
local --[[c]] out --[=[c]=] = --[[c]] { --[[c]] } --[[c]]
local a --[[c]] , --[[c]] b = --[[c]] 1 --[[c]] , --[[c]] 2 -- line comment
do --[[ after do ]] out[#out + 1] = "do-block " .. a + b end
do -- line comment after do
  out[#out + 1] = "line comment after do"
end
local function --[[c]] f --[[c]] ( --[[c]] x --[[c]] , --[[c]] ... --[[c]] ) --[[c]]
  return --[[c]] x --[[c]] + --[[c]] select --[[c]] ( --[[c]] "#" , ... ) --[[c]]
end --[[c]]
out[#out + 1] = "f " .. f(10, 1, 2, 3)
for --[[c]] i --[[c]] = --[[c]] 1 --[[c]] , --[[c]] 2 --[[c]] do --[[c]]
  out[#out + 1] = "for " .. i
end
if --[[c]] a --[[c]] then --[[c]] out[#out + 1] = "if" --[[c]] elseif --[[c]] b then --[[c]] else --[[c]] end
local t = { --[[c]] x --[[c]] = --[[c]] 1 --[[c]] , --[[c]] [ --[[c]] "y" --[[c]] ] --[[c]] = 2 --[[c]] ; --[[c]] 3 --[[c]] }
out[#out + 1] = "t " .. t.x .. t.y .. t[1]
out[#out + 1] = "index " .. t --[[c]] . --[[c]] x .. t --[[c]] [ --[[c]] "y" --[[c]] ]
local s = "--[[ not a comment ]]" .. '-- nor this'
out[#out + 1] = s
--[[ unbalanced ]] --[===[ levels
]] ]=] ]==] still inside
]===] out[#out + 1] = "code after a closing long comment on the same line"
--[ this is a line comment, not a long one (single bracket)
out[#out + 1] = "after bracket line comment"
---[[ three dashes: a line comment, so the next line runs
out[#out + 1] = "three dashes"
--]]
--[==[
out[#out + 1] = "hidden"
--]==]
local z = 1 --[[ comment with "quotes" and 'quotes' and \ backslash ]] + 1
out[#out + 1] = "z " .. z
out[#out + 1] = "minus " .. (5 - -2) .. " " .. (5 - - - 2)
local w = 4 -- -3 is a comment
out[#out + 1] = "w " .. w
-- comment at end of file without trailing code
return table.concat(out, "\n") --[[ trailing long comment ]] -- and a line comment
