local __sb_c, __sb_g = 1, 2
for i = 1, 2 do __sb_c = __sb_c + __sb_g end
return __sb_c
