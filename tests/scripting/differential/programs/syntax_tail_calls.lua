-- Tail calls: unbounded depth in constant stack, mutual tail recursion,
-- tail calls through varargs, methods, metamethod __call, and what a tail
-- call does to error positions.
local out = {}

local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + n)
end
out[#out + 1] = "loop " .. loop(30000, 0)

local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
out[#out + 1] = "even/odd " .. tostring(even(20001)) .. " " .. tostring(odd(20001))

local function vt(n, ...)
  if n == 0 then return select("#", ...), ... end
  return vt(n - 1, ...)
end
out[#out + 1] = "vararg tail " .. table.concat({ vt(10000, "a", "b") }, ",")

local obj = { n = 0 }
function obj:step(k)
  if k == 0 then return self.n end
  self.n = self.n + 1
  return self:step(k - 1)
end
out[#out + 1] = "method tail " .. obj:step(10000)

local callable = setmetatable({}, { __call = function(self, k, acc)
  if k == 0 then return acc end
  return self(k - 1, acc .. (k % 10))
end })
out[#out + 1] = "__call tail " .. callable(25, "")

-- 'return f(x)' is a tail call, 'return (f(x))' is not: both give one
-- value here, but only the latter truncates.
local function multi() return 1, 2, 3 end
local function tail() return multi() end
local function paren() return (multi()) end
out[#out + 1] = "tail values " .. select("#", tail()) .. " paren values " .. select("#", paren())

-- A tail-called error() has no caller frame left to blame, so level 1
-- adds no position; a normal call does.
local function tail_err() return error("tail-called") end
local function plain_err() error("plain-called") end
local function level2_tail() return error("level2", 2) end
local ok1, e1 = pcall(tail_err)
local ok2, e2 = pcall(plain_err)
local ok3, e3 = pcall(function() local r = level2_tail(); return r end)
out[#out + 1] = "tail error " .. tostring(ok1) .. " " .. tostring(e1)
out[#out + 1] = "plain error " .. tostring(ok2) .. " " .. tostring(e2)
out[#out + 1] = "level2 after tail " .. tostring(ok3) .. " " .. tostring(e3)

-- tail call into a C function and into pcall
local function tail_c(s) return string.upper(s) end
out[#out + 1] = "tail C " .. tail_c("abc")
local function tail_pcall(f, ...) return pcall(f, ...) end
out[#out + 1] = "tail pcall " .. table.concat({ tostring((tail_pcall(error, "x"))), select(2, tail_pcall(error, "x", 0)) }, " ")
return table.concat(out, "\n")
