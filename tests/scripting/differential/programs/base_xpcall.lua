-- xpcall: handlers that return values, that error, that are not
-- functions; extra arguments (LuaJIT 2.1 passes them on); nested xpcall.
-- Partly adapted from LuaJIT-test-cleanup test/lib/base/xpcall_jit.lua.
local out = {}
local function show(...)
  local r = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    r[i] = type(v) == "table" and "table" or (type(v) .. ":" .. tostring(v))
  end
  return select("#", ...) .. " " .. table.concat(r, " ")
end
local function tr(m) return "tr(" .. tostring(m) .. ")" end
out[#out + 1] = "ok " .. show(xpcall(function() return 1, 2 end, tr))
out[#out + 1] = "error " .. show(xpcall(function() error("boom") end, tr))
out[#out + 1] = "error level 0 " .. show(xpcall(function() error("boom", 0) end, tr))
out[#out + 1] = "error table " .. show(xpcall(function() error({}) end, function(e) return type(e) end))
out[#out + 1] = "vm error " .. show(xpcall(function() local z; return z.x end, tr))
out[#out + 1] = "handler returns many " .. show(xpcall(error, function(m) return 1, 2, 3 end))
out[#out + 1] = "handler returns nothing " .. show(xpcall(error, function(m) end))
out[#out + 1] = "handler returns nil " .. show(xpcall(error, function(m) return nil end))
out[#out + 1] = "args passed " .. show(xpcall(function(...) return select("#", ...), ... end, tr, "a", nil, "c"))
out[#out + 1] = "error with args " .. show(xpcall(error, tr, "via args", 0))
-- a handler that errors itself
out[#out + 1] = "handler errors " .. show(xpcall(function() error("first") end, function(m) error("second") end))
out[#out + 1] = "handler errors obj " .. show(xpcall(function() error("first") end, function(m) error({}) end))
-- handler is not a function
out[#out + 1] = "nil handler ok " .. show(pcall(xpcall, function() return "fine" end, nil))
out[#out + 1] = "nil handler err " .. show(pcall(xpcall, function() error("x") end, nil))
out[#out + 1] = "string handler err " .. show(pcall(xpcall, function() error("x") end, "notfn"))
out[#out + 1] = "xpcall() " .. show(pcall(xpcall))
out[#out + 1] = "xpcall(f) " .. show(pcall(xpcall, function() return 1 end))
local ok, err = pcall(function() local a, b = xpcall(); return a end)
out[#out + 1] = "xpcall() in Lua " .. show(ok, err)
-- handler sees the original message with position
local seen
local okh = xpcall(function()
  local t = {}
  t.x.y = 1
end, function(m) seen = m; return "handled" end)
out[#out + 1] = "handler saw " .. tostring(okh) .. " " .. seen
-- nested xpcall from the LuaJIT test
local x = 0
for i = 1, 200 do
  local ok1, ok2, ok3, y = xpcall(xpcall, tr, xpcall, tr, function(v)
    if v >= 150 then
      if v >= 175 then error("test", 0) end
      return v * v
    end
    return v
  end, tr, i)
  if ok1 and ok2 and ok3 then x = x + y end
  if i == 180 then out[#out + 1] = "nested failure " .. show(ok1, ok2, ok3, y) end
end
out[#out + 1] = "nested sum " .. x
-- xpcall inside an xpcall handler
out[#out + 1] = "xpcall in handler " .. show(xpcall(function() error("outer", 0) end, function(m)
  local okk, v = xpcall(function() error("inner", 0) end, function(m2) return m2 .. "!" end)
  return m .. "+" .. v
end))
-- error inside a pcall inside a handler
out[#out + 1] = "pcall in handler " .. show(xpcall(function() error("o", 0) end, function(m)
  return select(2, pcall(error, m .. "-p", 0))
end))
return table.concat(out, "\n")
