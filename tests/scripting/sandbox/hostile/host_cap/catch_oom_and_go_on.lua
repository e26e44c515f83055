-- expect: result: "survived"
-- Fill the VM to its cap, catch the memory error, keep what was made, and do it again: the host
-- must still be able to run this VM (an unprotected allocation at the cap used to end the process).
local kept = {}
for round = 1, 3 do
  pcall(function() while true do kept[#kept + 1] = { round } end end)
end
local ok = pcall(function() return ("x"):rep(100) .. tostring(#kept) end)
return "survived"
