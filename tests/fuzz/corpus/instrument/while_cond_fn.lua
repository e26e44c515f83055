local i = 0
while (function() return i < 3 end)() do i = i + 1 end
repeat i = i - 1 until (function() return i == 0 end)()
return i
