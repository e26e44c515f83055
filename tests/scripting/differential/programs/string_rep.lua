-- string.rep: separators, numeric-string counts, numbers as the string and
-- as the separator, zero and negative counts, and argument errors.
-- Partly adapted from LuaJIT-test-cleanup test/lib/string/rep.lua.
local out = {}
local function q(s) return string.format("%q", s) end
out[#out + 1] = "basic " .. q(string.rep("ab", 3))
out[#out + 1] = "sep " .. q(string.rep("ab", 3, ", "))
out[#out + 1] = "sep once " .. q(string.rep("ab", 1, ", "))
out[#out + 1] = "sep zero " .. q(string.rep("ab", 0, ", "))
out[#out + 1] = "sep negative " .. q(string.rep("ab", -2, ", "))
out[#out + 1] = "count 0 " .. q(("p"):rep(0))
out[#out + 1] = "count -1 " .. q(("p"):rep(-1))
out[#out + 1] = "count 2.7 " .. q(("p"):rep(2.7))
out[#out + 1] = "count -0.5 " .. q(("p"):rep(-0.5))
out[#out + 1] = "numeric string count " .. q(("x"):rep("3"))
out[#out + 1] = "numeric string count hex " .. q(("x"):rep("0x3"))
out[#out + 1] = "numeric string count spaces " .. q(("x"):rep(" 2 "))
out[#out + 1] = "number as string " .. q(string.rep(12, 2))
out[#out + 1] = "float as string " .. q(string.rep(1.5, 2, 0))
out[#out + 1] = "number separator " .. q(string.rep("a", 3, 7))
out[#out + 1] = "empty string " .. q(string.rep("", 5)) .. " " .. q(string.rep("", 5, "-"))
out[#out + 1] = "nul bytes " .. q(("x\0z"):rep(3))
out[#out + 1] = "nul sep " .. q(("a"):rep(3, "\0"))
out[#out + 1] = "versus concat " .. tostring(("{}"):rep(75) == (function()
  local s = ""
  for _ = 1, 75 do s = s .. "{}" end
  return s
end)())
local t = {}
for i = 1, 100 do t[i] = string.rep("ab", i - 85, "c") end
out[#out + 1] = "iterate with sep " .. q(t[85]) .. " " .. q(t[86]) .. " " .. q(t[87]) .. " " .. #t[100]
local big = string.rep("0123456789", 10000)
out[#out + 1] = "big " .. #big .. " " .. big:sub(-3)
local function e(...)
  local ok, err = pcall(string.rep, ...)
  return tostring(ok) .. " " .. tostring(err)
end
out[#out + 1] = "err no count " .. e("x")
out[#out + 1] = "err bad count " .. e("x", "y")
out[#out + 1] = "err nil string " .. e(nil, 2)
out[#out + 1] = "err table sep " .. e("x", 2, {})
local ok, err = pcall(function() local r = ("x"):rep({}); return r end)
out[#out + 1] = "err method " .. tostring(ok) .. " " .. err
return table.concat(out, "\n")
