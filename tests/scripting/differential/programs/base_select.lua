-- select: positive, negative, '#', out of range, errors.
-- Adapted in part from LuaJIT-test-cleanup test/lib/base/select.lua.
local out = {}
local function list(...)
  local r = {}
  for i = 1, select("#", ...) do r[i] = tostring((select(i, ...))) end
  return select("#", ...) .. "[" .. table.concat(r, ",") .. "]"
end
out[#out + 1] = "# " .. select("#") .. " " .. select("#", nil) .. " " .. select("#", nil, nil) .. " " .. select("#", 1, 2, 3)
out[#out + 1] = "only the first character of '#x' counts: " .. tostring(pcall(select, "#x", 1))
for _, n in ipairs({ 1, 2, 3, 4, 5, -1, -2, -3, 2.5, "2" }) do
  out[#out + 1] = "select(" .. tostring(n) .. ") " .. list(select(n, "a", "b", "c"))
end
local function e(...)
  local ok, err = pcall(select, ...)
  return tostring(ok) .. " " .. tostring(err)
end
out[#out + 1] = "select(0) " .. e(0, "a")
out[#out + 1] = "select(-4) of 3 " .. e(-4, "a", "b", "c")
out[#out + 1] = "select() " .. e()
out[#out + 1] = "select('x') " .. e("x")
out[#out + 1] = "select(nil) " .. e(nil)
local ok, err = pcall(function() local v = select(0); return v end)
out[#out + 1] = "select(0) in Lua " .. tostring(ok) .. " " .. err
-- sum via select from the LuaJIT test, with many arguments
local function f(a, ...)
  local x = 0
  for i = 1, select("#", ...) do x = x + select(i, ...) end
  return x == a, x
end
out[#out + 1] = "sums " .. list(f(1, 1)) .. " " .. list(f(15, 1, 2, 3, 4, 5)) .. " " .. list(f(0)) .. " " .. list(f(3200, string.byte(string.rep(" ", 100), 1, 100)))
local function g(...)
  local x = 0
  for i = 1, 20 do local b = select(i, ...); x = x + (b or 9) end
  return x
end
out[#out + 1] = "select past end " .. g(1) .. " " .. g(1, 2) .. " " .. g() .. " " .. g(string.byte(string.rep(" ", 100), 1, 100))
-- a local shadowing select changes what the code calls
do
  local select = function() return "shadowed" end
  out[#out + 1] = "shadow " .. select("#", 1, 2)
end
out[#out + 1] = "modf count " .. select("#", math.modf(3.5)) .. " frexp " .. list(math.frexp(3))
return table.concat(out, "\n")
