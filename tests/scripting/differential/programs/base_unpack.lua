local out = {}
local function list(...)
  local r = {}
  for i = 1, select("#", ...) do r[i] = tostring((select(i, ...))) end
  return select("#", ...) .. "[" .. table.concat(r, ",") .. "]"
end
local t = { "a", "b", "c", "d" }
out[#out + 1] = "all " .. list(unpack(t))
out[#out + 1] = "from 2 " .. list(unpack(t, 2))
out[#out + 1] = "2..3 " .. list(unpack(t, 2, 3))
out[#out + 1] = "3..2 " .. list(unpack(t, 3, 2))
out[#out + 1] = "0..2 " .. list(unpack(t, 0, 2))
out[#out + 1] = "-1..1 " .. list(unpack(t, -1, 1))
out[#out + 1] = "3..6 " .. list(unpack(t, 3, 6))
out[#out + 1] = "nil i " .. list(unpack(t, nil, 2))
out[#out + 1] = "floats " .. list(unpack(t, 1.9, 2.9))
out[#out + 1] = "strings " .. list(unpack(t, "2", "3"))
out[#out + 1] = "empty " .. list(unpack({}))
out[#out + 1] = "holes explicit " .. list(unpack({ 1, nil, 3, n = 3 }, 1, 3))
out[#out + 1] = "hash part " .. list(unpack({ [1] = "x", [2] = "y" }))
out[#out + 1] = "negative " .. list(unpack({ [-2] = "m2", [-1] = "m1", [0] = "z" }, -2, 0))
local big = {}
for i = 1, 5000 do big[i] = i end
local function count(...) return select("#", ...), (select(5000, ...)) end
out[#out + 1] = "5000 " .. list(count(unpack(big)))
local function e(...)
  local ok, err = pcall(unpack, ...)
  return tostring(ok) .. " " .. tostring(err)
end
out[#out + 1] = "too many " .. e({}, 1, 1e8)
out[#out + 1] = "no table " .. e()
out[#out + 1] = "string " .. e("abc")
out[#out + 1] = "bad i " .. e({}, "x")
local ok, err = pcall(function() local a = unpack(nil); return a end)
out[#out + 1] = "nil in Lua " .. tostring(ok) .. " " .. err
return table.concat(out, "\n")
