-- expect: error: script exceeded its CPU budget
return (("a"):rep(10):gsub(".", function() while true do end end))
