-- expect: error: script exceeded its CPU budget
-- The script's own pcall cannot catch the end of its budget and carry on.
while true do
  pcall(function() while true do end end)
end
