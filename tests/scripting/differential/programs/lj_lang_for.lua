-- Adapted from LuaJIT-test-cleanup test/lang/for.lua, test/misc/for_dir.lua
-- and test/misc/fori_coerce.lua: loop direction, string bounds coerced to
-- numbers, a bad bound, iteration near 2^31, float steps.
local out = {}
local a, b, c = 10, 1, -1
local counts = {}
for _ = 1, 4 do
  if c == -1 then a, b, c = 1, 10, 1 else a, b, c = 10, 1, -1 end
  local x = 0
  for _ = a, b, c do x = x + 1 end
  counts[#counts + 1] = x
end
out[#out + 1] = "direction " .. table.concat(counts, ",")
local function coerce(at)
  local n, x = 1, 0
  for i = 1, 20 do
    for _ = n, 100 do x = x + 1 end
    if i == at then n = "2" end
  end
  return x
end
out[#out + 1] = "coerce at 13 " .. coerce(13) .. " at 10 " .. coerce(10)
local ok, err = pcall(function()
  local n = 1
  for i = 1, 20 do
    for _ = n, 100 do end
    if i == 10 then n = "x" end
  end
end)
out[#out + 1] = "bad bound " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() for _ = 1, 10, "z" do end end)
out[#out + 1] = "bad step " .. tostring(ok2) .. " " .. err2
local ok3, err3 = pcall(function() for _ = {}, 10 do end end)
out[#out + 1] = "bad start " .. tostring(ok3) .. " " .. err3
local n1 = 0
for _ = 2147483446, 2147483647, 2 do n1 = n1 + 1 end
local n2 = 0
for _ = -2147483447, -2147483648, -2 do n2 = n2 + 1 end
out[#out + 1] = "near 2^31 " .. n1 .. " " .. n2
local fl = {}
for v = 0, 1, 0.25 do fl[#fl + 1] = v end
out[#out + 1] = "float step " .. table.concat(fl, ",")
local fl2 = {}
for v = 1, 0, -0.3 do fl2[#fl2 + 1] = v end
out[#out + 1] = "negative float step " .. table.concat(fl2, ",")
local zero = 0
for _ = 1, 0 do zero = zero + 1 end
for _ = 0, 1, -1 do zero = zero + 1 end
out[#out + 1] = "empty loops " .. zero
local last
for v = 1, 3 do last = v; v = v * 10 end
out[#out + 1] = "assigning the loop variable does not affect iteration " .. last
local k = 1
local from1 = {}
for v = k, k + 3 do k = 100; from1[#from1 + 1] = v end
out[#out + 1] = "bounds evaluated once " .. table.concat(from1, ",")
local big = 0
for _ = 1, 2^53, 2^52 do big = big + 1 end
out[#out + 1] = "huge bounds " .. big
local hs = {}
for v = 1, 1 / 0, 1e300 do hs[#hs + 1] = v; if #hs >= 3 then break end end
out[#out + 1] = "infinite limit " .. #hs
-- loop-carried values of mixed types (loop_unroll.lua)
local t = {}
local p, q, r = 1, "", t
for _ = 1, 100 do p, q, r = q, r, p end
out[#out + 1] = "rotate " .. tostring(r) .. " " .. string.format("%q", p) .. " " .. tostring(rawequal(q, t))
local flip = true
for _ = 1, 100 do flip = not flip end
out[#out + 1] = "flip " .. tostring(flip)
local arr, kk, xx = { 1, 2 }, 2, 0
for _ = 1, 200 do xx = xx + arr[kk]; kk = kk == 1 and 2 or 1 end
out[#out + 1] = "alternate " .. xx .. " " .. kk
return table.concat(out, "\n")
