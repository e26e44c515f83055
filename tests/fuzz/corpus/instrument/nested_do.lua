local n = 0
for i = 1, 2 do do n = n + 1 end do do n = n + 1 end end end
return n
