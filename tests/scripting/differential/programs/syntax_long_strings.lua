-- Long strings: levels, leading newline skipped, nested brackets.
local out = {}
local function show(s) return string.format("%q", s) .. " len=" .. #s end

local s0 = [[]]
local s1 = [[
first line skipped newline]]
local s2 = [[

two newlines: only the first is skipped]]
local s3 = [==[contains ]] and ]=] and [[ and [=[ ]==]
local s4 = [=[
]]]=]
local s5 = [[a
b
  c  ]]
local s6 = [[\n\t\\ no escapes "' ]]
local s7 = [====[
]====]
local s8 = [[--[[ not nested ]]
local s9 = [=[a]=] .. [[b]] .. [==[c]==]
local s10 = [[
]]
local t = { [[key]], [ [[k2]] ] = [[v2]] }
local call = (function(x) return x .. "!" end)[[called with long string]]
local call2 = string.upper[==[upper]==]

for _, s in ipairs({ s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, t[1], t.k2, call, call2 }) do
  out[#out + 1] = show(s)
end
return table.concat(out, "\n")
