-- expect: error: gsub_forever.lua:3: script exceeded its CPU budget
local s = ("ab"):rep(131072)
while true do local t = s:gsub("a", "c") end
