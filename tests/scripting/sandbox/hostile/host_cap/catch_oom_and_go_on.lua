-- expect: result: "survived"
-- Fill the VM to its cap and catch the memory error, three times over: the garbage is collected as
-- pcall returns, and the host and the script go on.
local rounds = 0
for round = 1, 3 do
  local ok = pcall(function() local t = {} while true do t[#t + 1] = { round } end end)
  if not ok then rounds = rounds + 1 end
end
return rounds == 3 and "survived" or "not stopped"
