-- expect: error: script exceeded its CPU budget
while true do
  xpcall(function() while true do end end, function(e) return e end)
end
