-- expect: error: reverse_lower_forever.lua:3: script exceeded its CPU budget
local s = ("Ab"):rep(524288)
while true do local t = s:reverse():lower() end
