-- Keywords, comment markers and brackets inside strings and long strings,
-- where a text-level instrumenter must not see code.
local out = {}
local s1 = "while true do end -- not a comment"
local s2 = 'repeat until false; goto continue ::continue::'
local s3 = [[
for i = 1, 10 do
  local function f() end
end --[[ nested-looking ]]
local s4 = [==[ ]] return "]]" --[=[ ]=] ]==]
local s5 = "\"end\" 'do' \\ -- [[ ]]"
local s6 = '--[==[ not a long comment ]==]'
local s7 = "function() return end"
local t = { ["end"] = "e", ["do"] = "d", ["function"] = "f", ["goto"] = "g", ["return"] = "r" }
out[#out + 1] = s1
out[#out + 1] = s2
out[#out + 1] = s3
out[#out + 1] = s4
out[#out + 1] = s5
out[#out + 1] = s6
out[#out + 1] = s7
out[#out + 1] = t["end"] .. t["do"] .. t["function"] .. t["goto"] .. t["return"]
-- patterns that look like code
out[#out + 1] = ("do x end"):gsub("(%a+) (%a+) (%a+)", "%3 %2 %1")
out[#out + 1] = ("a--b--c"):gsub("%-%-", "+")
-- a string that spans lines with a backslash-newline, followed by code
local s8 = "line one\
line two -- still the string\
end"
out[#out + 1] = s8
out[#out + 1] = #s8 .. " bytes"
-- a long string starting right after [[ with a keyword
local s9 = [[end]] .. [[do]] .. [=[function]=]
out[#out + 1] = s9
return table.concat(out, "\n")
