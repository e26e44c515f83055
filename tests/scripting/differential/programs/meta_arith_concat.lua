-- Arithmetic metamethods (__add __sub __mul __div __mod __pow __unm),
-- __concat (with chains of ..), __len (not used for tables in LuaJIT 2.1),
-- and string-to-number coercion.  Adapted from LuaJIT-test-cleanup
-- test/lang/meta/arith.lua, cat.lua and len.lua.
local out = {}
local function create(arith, v1, v2)
  local meta = {}
  for _, op in ipairs({ "add", "sub", "mul", "div", "mod", "pow", "unm" }) do
    meta["__" .. op] = function(a, b) return arith(op, a, b) end
  end
  return setmetatable({ v1 }, meta), setmetatable({ v2 }, meta)
end
local function all(a, b)
  local function s(v) return type(v) == "table" and "T" or tostring(v) end
  return table.concat({ s(a + b), s(a - b), s(a * b), s(a / b), s(a % b), s(a ^ b), s(-a) }, " ")
end
local a, b = create(function(op) return op end)
out[#out + 1] = "op " .. all(a, b)
a, b = create(function(op, x, y) return x[1] end, "foo", 42)
out[#out + 1] = "lhs " .. all(a, b)
a, b = create(function(op, x, y) return y[1] end, 42, "foo")
out[#out + 1] = "rhs (unm gets the operand twice) " .. all(a, b)
local m = create(function(op, x, y) if op == "unm" then return -x[1] end return x[1] + y end, 39)
out[#out + 1] = "meta lhs only " .. all(m, 3)
local _, mr = create(function(op, x, y) if op == "unm" then return "u" end return x + y[1] end, nil, 3)
out[#out + 1] = "meta rhs only " .. all(39, mr)
out[#out + 1] = "string,int " .. all("39", 3)
out[#out + 1] = "int,string " .. all(39, "3")
out[#out + 1] = "string,string " .. all("39", "3")
out[#out + 1] = "hex string " .. ("0x10" + 0) .. " exp string " .. ("1e2" * 1) .. " spaces " .. (" 7 " * 1)
-- __concat
local function cat(f, v1, v2)
  local meta = { __concat = f }
  return setmetatable({ v1 }, meta), setmetatable({ v2 }, meta)
end
local function name(v) if type(v) == "table" then return v[1] end return tostring(v) end
local ca, cb = cat(function(x, y) return name(x) .. name(y) end, "a", "b")
out[#out + 1] = "concat " .. table.concat({ ca .. cb, ca .. cb .. cb, ca .. cb .. ca, ca .. ca .. ca .. ca .. ca .. ca .. ca .. cb,
  ca .. ca .. ca .. "x" .. "x" .. ca .. ca .. cb, "x" .. ca .. ca .. ca .. ca .. ca .. ca .. cb, ca .. cb .. ca .. cb .. ca .. "x" .. "x" .. "x",
  ca .. 1 .. "z", 2 .. ca }, " ")
local order = {}
local oa, ob = cat(function(x, y) order[#order + 1] = name(x) .. "+" .. name(y); return name(x) .. name(y) end, "p", "q")
local r = oa .. ob .. "s" .. "t"
out[#out + 1] = "concat order " .. r .. " [" .. table.concat(order, " ") .. "]"
local la, lb = cat(function(x, y) return x end)
out[#out + 1] = "lhs returned " .. tostring(rawequal(la .. lb, la)) .. tostring(rawequal(la .. lb .. lb .. lb, la))
-- numbers concatenate with their tostring form
out[#out + 1] = "number concat " .. 1 .. "" .. 1.5 .. "|" .. -0.0 .. "|" .. 2^63 .. "|" .. 1e15 .. "|" .. 0.1
-- __len is ignored for tables in LuaJIT 2.1 (5.1 semantics)
local lt = setmetatable({ 1, 2, 3 }, { __len = function() return 42 end })
out[#out + 1] = "__len ignored " .. #lt .. " " .. #"abcdef"
-- errors
local ok, err = pcall(function() local t = {}; return t + 1 end)
out[#out + 1] = "add table " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() local t = setmetatable({}, { __add = function() error("in __add") end }); return t + 1 end)
out[#out + 1] = "raising __add " .. tostring(ok2) .. " " .. err2
local ok3, err3 = pcall(function() local t = {}; return "x" .. t end)
out[#out + 1] = "concat table " .. tostring(ok3) .. " " .. err3
local ok4, err4 = pcall(function() return 1 .. nil end)
out[#out + 1] = "concat nil " .. tostring(ok4) .. " " .. err4
local ok5, err5 = pcall(function() local s = "abc"; return -s end)
out[#out + 1] = "unm string " .. tostring(ok5) .. " " .. err5
local ok6, err6 = pcall(function() local s = "10"; return -s end)
out[#out + 1] = "unm numeric string " .. tostring(ok6) .. " " .. tostring(err6)
local ok7, err7 = pcall(function() local t = { x = {} }; return t.x * 2 end)
out[#out + 1] = "mul field " .. tostring(ok7) .. " " .. err7
return table.concat(out, "\n")
