-- expect: error: upper_forever.lua:3: script exceeded its CPU budget
local s = ("x"):rep(1048576)
while true do local t = s:upper() end
