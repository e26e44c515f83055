-- __eq, __lt, __le: when they are called, with which operands, result
-- coercion to boolean, __le falling back to "not __lt(b, a)", different
-- metatables sharing a metamethod, mixed types.  Adapted in part from
-- LuaJIT-test-cleanup test/lang/meta/comp.lua, comp_jit.lua and eq.lua.
local out = {}
local log = {}
local function mk(v, mt) return setmetatable({ v = v }, mt) end
local mt = {
  __eq = function(a, b) log[#log + 1] = "eq(" .. a.v .. "," .. b.v .. ")"; return a.v == b.v end,
  __lt = function(a, b) log[#log + 1] = "lt(" .. a.v .. "," .. b.v .. ")"; return a.v < b.v end,
  __le = function(a, b) log[#log + 1] = "le(" .. a.v .. "," .. b.v .. ")"; return a.v <= b.v end,
}
local a, b, c = mk(1, mt), mk(2, mt), mk(1, mt)
local function run(label, f)
  log = {}
  local r = f()
  out[#out + 1] = label .. " = " .. tostring(r) .. "  [" .. table.concat(log, " ") .. "]"
end
run("a==b", function() return a == b end)
run("a==c", function() return a == c end)
run("a~=c", function() return a ~= c end)
run("a==a", function() return a == a end)
run("a<b", function() return a < b end)
run("a>b", function() return a > b end)
run("a<=b", function() return a <= b end)
run("a>=b", function() return a >= b end)
run("not (a<b)", function() return not (a < b) end)
run("a==1", function() return a == 1 end)
-- results are coerced to booleans
local truthy = { __lt = function() return "yes" end, __le = function() return nil end, __eq = function() return 0 end }
local x, y = mk(1, truthy), mk(2, truthy)
run("truthy lt", function() return x < y end)
run("nil le", function() return x <= y end)
run("0 eq", function() return x == y end)
-- __le missing: LuaJIT uses not (b < a)
local ltonly = { __lt = function(p, q) log[#log + 1] = "lt(" .. p.v .. "," .. q.v .. ")"; return p.v < q.v end }
local p, q = mk(1, ltonly), stack overflowrun("p<=q via lt", function() return p <= q end)
run("q<=p via lt", function() return q <= p end)
run("p>=q via lt", function() return p >= q end)
-- different metatables, same function: works for == only if the same
-- function (Lua 5.1 rule), and for < too
local shared = function(m, n) return m.v < n.v end
local m1, m2 = { __lt = shared, __eq = shared }, { __lt = shared, __eq = shared }
local u, v = mk(1, m1), mk(2, m2)
run("shared lt", function() return u < v end)
run("shared eq", function() return u == v end)
local m3 = { __eq = function() return true end }
local w = mk(3, m3)
run("different __eq", function() return u == w end)
-- __eq is not called for different types or for rawequal objects
run("table vs number", function() return a == 1 end)
-- mixed types in < with metamethods raise an error
local ok, err = pcall(function() return a < 1 end)
out[#out + 1] = "a<1 " .. tostring(ok) .. " " .. tostring(err)
local ok2, err2 = pcall(function() return {} < {} end)
out[#out + 1] = "no __lt " .. tostring(ok2) .. " " .. tostring(err2)
local ok3, err3 = pcall(function() return mk(1, {}) <= mk(2, {}) end)
out[#out + 1] = "no __le " .. tostring(ok3) .. " " .. tostring(err3)
-- comparison chains in a loop from comp_jit's coverage test
local lt, le = false, false
local cmt = { __lt = function() return lt end, __le = function() return le end }
local t1, t2 = setmetatable({}, cmt), setmetatable({}, cmt)
local res = {}
for _, flags in ipairs({ { false, false }, { false, true }, { true, false }, { true, true } }) do
  lt, le = flags[1], flags[2]
  local row = {}
  for _ = 1, 3 do
    row = { t1 < t2 and 2 or 1, t1 <= t2 and 2 or 1, t1 > t2 and 2 or 1, t1 >= t2 and 2 or 1,
            not (t1 < t2) and 2 or 1, not (t1 <= t2) and 2 or 1 }
  end
  res[#res + 1] = table.concat(row)
end
out[#out + 1] = "coverage " .. table.concat(res, " ")
-- string and number comparisons (from compare.lua)
out[#out + 1] = "strings " .. tostring("a" < "b") .. tostring("a" < "aa") .. tostring("a" < "a\0") .. tostring("\255\255" > "\1\1") .. tostring("Z" < "a") .. tostring("" < "a")
out[#out + 1] = "numbers " .. tostring(1 < 2) .. tostring(2 <= 2) .. tostring(-0.0 == 0) .. tostring(-0.0 < 0) .. tostring(1 / 0 > 1e308)
return table.concat(out, "\n")
