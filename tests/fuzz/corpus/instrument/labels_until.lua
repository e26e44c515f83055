local i = 0
repeat
  i = i + 1
  if i < 3 then goto again end
  ::again::
until i >= 5
return i
