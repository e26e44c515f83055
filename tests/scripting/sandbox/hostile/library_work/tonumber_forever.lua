-- expect: error: tonumber_forever.lua:3: script exceeded its CPU budget
local s = (" "):rep(4194304) .. "1"
while true do local n = tonumber(s) end
