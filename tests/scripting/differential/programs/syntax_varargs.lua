-- Varargs in every position: truncation, expansion at the end of lists,
-- in table constructors, in calls, in returns, in nested functions.
local out = {}
local function pack(...) return { n = select("#", ...), ... } end
local function show(p)
  local parts = {}
  for i = 1, p.n do parts[i] = tostring(p[i]) end
  return p.n .. "[" .. table.concat(parts, ",") .. "]"
end
local function three() return 1, 2, 3 end
local function none() end
local function nils() return nil, nil end

local function v(...)
  local a, b = ...
  local first = (...)
  local r = {}
  r[#r + 1] = "all " .. show(pack(...))
  r[#r + 1] = "a,b " .. tostring(a) .. "," .. tostring(b)
  r[#r + 1] = "paren " .. tostring(first)
  r[#r + 1] = "middle " .. show(pack(..., "end"))
  r[#r + 1] = "last " .. show(pack("start", ...))
  r[#r + 1] = "ctor " .. show(pack(unpack({ ..., n = 1 }, 1, select("#", ...))))
  r[#r + 1] = "maxn " .. table.maxn({ ... }) .. " " .. table.maxn({ ..., 0 })
  r[#r + 1] = "select# " .. select("#", ...) .. " " .. select("#", (...))
  r[#r + 1] = "nested " .. show(pack((function(...) return ... end)(...)))
  r[#r + 1] = "return " .. show(pack(select(1, ...)))
  return table.concat(r, "; ")
end

out[#out + 1] = v()
out[#out + 1] = v(nil)
out[#out + 1] = v(1, nil)
out[#out + 1] = v(1, 2, 3)
out[#out + 1] = v(three())
out[#out + 1] = v(three(), 10)
out[#out + 1] = v((three()))
out[#out + 1] = v(none())
out[#out + 1] = v(nils())
out[#out + 1] = v(nil, nil, nil, 4)

-- varargs in the main chunk (the program is called with no arguments)
out[#out + 1] = "chunk varargs " .. select("#", ...)

-- multiple results in the middle of a list are truncated to one
out[#out + 1] = "mid " .. show(pack(three(), three()))
out[#out + 1] = "assign " .. (function() local x, y, z, w = three(); return tostring(x) .. tostring(y) .. tostring(z) .. tostring(w) end)()
out[#out + 1] = "assign2 " .. (function() local x, y, z = three(), 9; return tostring(x) .. tostring(y) .. tostring(z) end)()

-- a vararg function that passes a changing tail through recursion
local function count(n, ...)
  if n == 0 then return select("#", ...) end
  return count(n - 1, n, ...)
end
out[#out + 1] = "count " .. count(50)

-- 200 values through varargs
local many = {}
for i = 1, 200 do many[i] = i end
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s, select("#", ...)
end
out[#out + 1] = "sum " .. table.concat({ sum(unpack(many)) }, " ")

-- vararg with a fixed parameter and a method
local obj = { name = "obj" }
function obj:m(a, ...) return self.name .. ":" .. tostring(a) .. ":" .. select("#", ...) end
out[#out + 1] = obj:m() .. " " .. obj:m(1) .. " " .. obj:m(1, 2, nil)

-- select with negative index
out[#out + 1] = "neg " .. show(pack(select(-1, 1, 2, 3))) .. " " .. show(pack(select(-3, 1, 2, 3)))
return table.concat(out, "\n")
