-- Deep (non-tail) recursion: about 10,000 Lua frames, which fits in
-- LuaJIT's default stack, and recursion through pcall and metamethods.
local out = {}

local function depth(n)
  if n == 0 then return 0 end
  return 1 + depth(n - 1)
end
out[#out + 1] = "depth " .. depth(10000)

local function sum(n)
  if n == 1 then return 1 end
  return n + sum(n - 1)
end
out[#out + 1] = "sum " .. sum(9000)

-- build a 10,000-deep linked list recursively and walk it recursively
local function build(n)
  if n == 0 then return nil end
  return { v = n, next = build(n - 1) }
end
local function len(l)
  if l == nil then return 0 end
  return 1 + len(l.next)
end
local list = build(10000)
out[#out + 1] = "list " .. len(list) .. " head " .. list.v

-- recursion with an error at the bottom: the position is the deepest frame
local function fail_at(n)
  if n == 0 then error("bottom reached") end
  local r = fail_at(n - 1)
  return r
end
local ok, err = pcall(fail_at, 5000)
out[#out + 1] = "deep error " .. tostring(ok) .. " " .. err

-- recursion through pcall (each level a protected call), 200 levels
local function pdepth(n)
  if n == 0 then return 0 end
  local ok2, v = pcall(pdepth, n - 1)
  return v + 1
end
out[#out + 1] = "pcall depth " .. pdepth(200)

-- recursion through __index functions, 100 levels
local function chain(n)
  if n == 0 then return { leaf = "found" } end
  local inner = chain(n - 1)
  return setmetatable({}, { __index = function(_, k) return inner[k] end })
end
out[#out + 1] = "__index chain " .. chain(100).leaf

-- Ackermann(2, n) style double recursion, small
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
out[#out + 1] = "ack(2,20) " .. ack(2, 20)
return table.concat(out, "\n")
