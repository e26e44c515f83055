-- Names that look like the sandbox's own (it once refused every name starting with "__sb_").
-- The instrumenter must pick names of its own that this program does not use.
local __sb_c, __sb_g, __sb_q, __sb_slow = 1, 2, 3, 4
local function __sb_c1(x) return x * 2 end
local t = { __sb_c = "field" }
local n = 0
for __sb_i = 1, 10 do n = n + __sb_i end
while n > 50 do n = n - 1 end
local s = 0
repeat s = s + 1 until s >= 3
return table.concat({ __sb_c, __sb_g, __sb_q, __sb_slow, __sb_c1(21), t.__sb_c, n, s }, " ")
