-- Syntax that a careless instrumenter breaks: keywords inside strings and comments, long
-- brackets, numbers with exponents and suffixes, methods, labels, nested functions.
local s1 = "do repeat function() end while true do"   -- a string full of keywords
local s2 = 'it\'s' .. "escaped \" do"
local s3 = [[long string with do
and function(x) on two lines]]
local s4 = [==[ ]] still inside ]=] do ]==]
--[[ a long comment with
  while true do end
]]
--[==[ another ]] do ]==]
local n = 1e-5 + 0x1F + 3.5e+2 + .5 + 0xAp2
local t = {}
function t.add(a, b) return a + b end
function t:twice(x) return self.add(x, x) end
local obj = { value = 3 }
function obj:get() return self.value end
local total = 0
for i = 1, 10 do total = total + i end
local k = 0
while k < 5 do k = k + 1 end
repeat k = k - 1 until k == 0
local j = 0
::top::
j = j + 1
if j < 3 then goto top end
local f = function(...) return select("#", ...) end
local g = function(a, b, c) do local d = a end return (a or 0) + (b or 0) end
local depth = 0
local function rec(x) if x == 0 then return 0 end return 1 + rec(x - 1) end
return table.concat({ #s1, #s2, #s3, #s4, n, t:twice(4), obj:get(), total, j, f(1, 2, 3), g(1, 2), rec(20) }, ",")
