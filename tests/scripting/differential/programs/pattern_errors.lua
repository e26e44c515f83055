-- Malformed patterns and their exact messages, raised through pcall (no
-- position: the caller is pcall) and from Lua code (with a position).
local out = {}
local bad = { "[a", "[^", "[]", "%", "a%", "(", "(()", "((a)", ")", "a)", "%b", "%bx",
  "%f", "%fx", "%f[a", "%1", "(a)%2", "[.%]", "[%", "%g)", "(()%3" }
for _, p in ipairs(bad) do
  local ok, err = pcall(string.find, "abc(a)", p)
  out[#out + 1] = string.format("%-8s %s %s", p, tostring(ok), tostring(err))
end
-- ")" and "a)" have no magic character that LuaJIT's find looks for, so
-- find does a plain search; match does not
for _, p in ipairs({ ")", "a)" }) do
  local okm, errm = pcall(string.match, "abc(a)", p)
  out[#out + 1] = string.format("match %-4s %s %s", p, tostring(okm), tostring(errm))
end
-- raised from Lua code in a tail call: the caller's frame is gone, so no
-- position is added
local ok, err = pcall(function() return string.match("x", "[x") end)
out[#out + 1] = "tail call from Lua " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() local s = "x"; return s:gsub("%", "") end)
out[#out + 1] = "tail method from Lua " .. tostring(ok2) .. " " .. err2
-- not a tail call: the message gets this file's name and line
local ok5, err5 = pcall(function() local r = string.match("x", "[x"); return r end)
out[#out + 1] = "from Lua " .. tostring(ok5) .. " " .. err5
local ok6, err6 = pcall(function() local s = "x"; local r = s:gsub("%", ""); return r end)
out[#out + 1] = "method from Lua " .. tostring(ok6) .. " " .. err6
local ok7, err7 = pcall(function() local r = ("x"):find("(()"); return r end)
out[#out + 1] = "find from Lua " .. tostring(ok7) .. " " .. err7
local ok3, err3 = pcall(function()
  local n = 0
  for _ in ("abc"):gmatch("(") do n = n + 1 end
  return n
end)
out[#out + 1] = "gmatch iterator " .. tostring(ok3) .. " " .. err3
-- a pattern that is too complex for the matcher's recursion? LuaJIT's
-- limit is deep; a moderately nested pattern still works
local deep = string.rep("(", 30) .. "a" .. string.rep(")", 30)
out[#out + 1] = "30 nested captures " .. select("#", string.match("a", deep))
return table.concat(out, "\n")
