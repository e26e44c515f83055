local n = 1 -- c
while n < 100 do n = n * 2 end -- d
return n
