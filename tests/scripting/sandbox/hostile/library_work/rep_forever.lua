-- expect: error: rep_forever.lua:2: script exceeded its CPU budget
while true do local t = ("x"):rep(8388608) end
