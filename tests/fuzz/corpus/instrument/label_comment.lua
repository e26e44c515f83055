local n = 0
:: --[[c]] top ::
n = n + 1
if n < 4 then goto top end
return n
