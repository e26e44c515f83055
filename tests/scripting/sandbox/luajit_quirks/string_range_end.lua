-- string.sub and string.byte with an end index past the string's length while a loop gets hot,
-- then a negative one. Debian 12's LuaJIT compiles the first kind behind a guard the second kind
-- also passes (see luajit_quirks_test.cpp); the interpreter's answers are the reference.
local s = "abcdef"
local function ends(past, negative, n)
  local t = {}
  for k = 1, n do t[k] = k <= n / 2 and past or negative end
  return t
end

local out = {}
local function record(label, values)
  out[#out + 1] = label .. " " .. table.concat(values, ",")
end

-- a number end, method and function forms
local js, subs, fsubs, counts = ends(100, -6, 300), {}, {}, {}
for k = 1, #js do
  subs[k] = "[" .. s:sub(6, js[k]) .. "]"
  fsubs[k] = "[" .. string.sub(s, 2, js[k]) .. "]"
  counts[k] = select("#", s:byte(5, js[k]))
end
record("sub", { subs[1], subs[300] })
record("fsub", { fsubs[1], fsubs[300] })
record("byte", { counts[1], counts[300] })

-- an end given as a string, as LuaJIT converts it
local sjs, ssubs = ends("100", "-5", 300), {}
for k = 1, #sjs do ssubs[k] = "[" .. s:sub(3, sjs[k]) .. "]" end
record("string end", { ssubs[1], ssubs[300] })

-- ends just past the length and at the int32 edge, then every negative end
local edge = { 7, 2147483647, 1e9, 6.5 }
local rows = {}
for _, past in ipairs(edge) do
  local e = ends(past, -4, 200)
  local r = {}
  for k = 1, #e do r[k] = s:sub(4, e[k]) end
  rows[#rows + 1] = r[1] .. "/" .. r[200]
end
record("edges", rows)
local neg = {}
for j = -8, -1 do
  local e = ends(50, j, 200)
  local r
  for k = 1, #e do r = s:sub(2, e[k]) end
  neg[#neg + 1] = "[" .. r .. "]"
end
record("negative", neg)
return table.concat(out, "\n")
