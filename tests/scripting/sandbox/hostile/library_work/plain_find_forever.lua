-- expect: error: plain_find_forever.lua:3: script exceeded its CPU budget
local s = ("a"):rep(4194304)
while true do local t = s:find("b", 1, true) end
