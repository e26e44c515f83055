-- Adapted from LuaJIT-test-cleanup test/lang/vararg_jit.lua,
-- tail_recursion.lua and test/misc/recurse_tail.lua, tcall_base.lua,
-- tcall_loop.lua and recurse_deep.lua.
local out = {}
local function f1(a, b, c, ...) return 100 - a, 100 - b, c end
local ok1 = true
for i = 1, 100 do local x, y, c = f1(i, 100 - i); if x ~= 100 - i or y ~= i or c ~= nil then ok1 = false end end
out[#out + 1] = "fixed params " .. tostring(ok1)
local function f2(a, b, ...) if a > b then return b end return a end
local x2 = 0
for i = 1, 200 do x2 = x2 + f2(i, 100, 99, 88, 77) end
out[#out + 1] = "extra args ignored " .. x2
local function f3(a, b, ...) local c, d = ...; if c > d then return d end return c end
local x3 = 0
for i = 1, 200 do x3 = x3 + f3(77, 88, i, 100) end
out[#out + 1] = "vararg locals " .. x3
local function f4(a, b, ...) if a > b then end return ... end
local x4, nils, twos = 0, 0, 0
for i = 1, 200 do
  x4 = x4 + f4(i, 100, i, 100)
  if f4(i, 100) == nil then nils = nils + 1 end
  if f4(i, 100, 2) == 2 then twos = twos + 1 end
end
out[#out + 1] = "return ... " .. x4 .. " " .. nils .. " " .. twos
local function f5(a, ...)
  local x, y = 0, 0
  for _ = 1, 100 do local b, c = ...; x = x + b; y = y + c end
  return x, y
end
out[#out + 1] = "vararg in loop " .. table.concat({ f5(1, 2, 3) }, " ")
local function f7(a, b, ...)
  local same = 0
  for _ = 1, 100 do local c, d = ...; if a == c and b == d then same = same + 1 end end
  return same
end
out[#out + 1] = "vararg vs params " .. f7(2, 3, 2, 3) .. " " .. f7(2, nil, 2) .. " " .. f7(nil, nil) .. " " .. f7(nil) .. " " .. f7()
-- tail recursion
local tr1
function tr1(n) if n <= 0 then return 0 end return tr1(n - 1) end
local ta, tb
function ta(n) if n <= 0 then return 0 end return tb(n - 1) end
function tb(n) return ta(n) end
out[#out + 1] = "tail " .. tr1(200) .. " " .. tb(200)
local function rf(i) if i > 0 then return rf(i - 1) end return 1 end
local xs = 0
for _ = 1, 100 do xs = xs + rf(1000) end
out[#out + 1] = "tail loop " .. xs
-- pcall tail recursion
local count = 0
local ptr
function ptr(n) if n <= 0 then return end count = count + 1; return pcall(ptr, n - 1) end
out[#out + 1] = "pcall tail " .. tostring(ptr(200)) .. " " .. count
-- tail call at base from a loop
local r = 0
local function g() r = r + 1; for _ = 1, 100 do end end
local function f()
  for j = 1, 20 do if j > 19 then return g() end end
end
g()
for _ = 1, 50 do f() end
out[#out + 1] = "tail at base " .. r
-- recursion
local function sum(n) if n == 1 then return 1 end return n + sum(n - 1) end
local function fib(n) if n < 2 then return 1 end return fib(n - 2) + fib(n - 1) end
out[#out + 1] = "recursion " .. sum(200) .. " " .. fib(15)
return table.concat(out, "\n")
