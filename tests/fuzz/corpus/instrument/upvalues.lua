local a1,a2,a3,a4,a5,a6,a7,a8,a9,a10 = 1,2,3,4,5,6,7,8,9,10
local function f() return function() return a1+a2+a3+a4+a5+a6+a7+a8+a9+a10 end end
return f()()
