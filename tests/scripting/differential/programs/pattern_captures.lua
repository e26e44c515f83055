-- Captures: nested, position captures (), back references %1..%9, the
-- maximum of 32 captures, and what match/find return for each.
local out = {}
local function show(...)
  local n = select("#", ...)
  local r = {}
  for i = 1, n do
    local v = select(i, ...)
    r[i] = type(v) == "string" and ("'" .. v .. "'") or tostring(v)
  end
  return n .. ":" .. table.concat(r, ",")
end
out[#out + 1] = "match none " .. show(string.match("hello world", "o w"))
out[#out + 1] = "match two " .. show(string.match("key=value", "(%w+)=(%w+)"))
out[#out + 1] = "nested " .. show(string.match("2024-01-15", "((%d+)-((%d+)-(%d+)))"))
out[#out + 1] = "position " .. show(string.match("hello", "()ll()"))
out[#out + 1] = "empty pos " .. show(string.match("abc", "()"))
out[#out + 1] = "pos at end " .. show(string.match("abc", "()$"))
out[#out + 1] = "find caps " .. show(string.find("x = 10", "(%w+) = (%d+)"))
out[#out + 1] = "find pos cap " .. show(string.find("abc", "b()"))
out[#out + 1] = "backref " .. show(string.match("say 'hi' or \"yo\"", "(['\"])(.-)%1"))
out[#out + 1] = "backref repeat " .. show(string.match("abcabcabc", "(abc)%1%1"))
out[#out + 1] = "backref pos " .. show(string.find("xaax", "(a)%1"))
out[#out + 1] = "doubled word " .. show(string.match("this is is a test", "(%a+) %1"))
out[#out + 1] = "empty capture " .. show(string.match("abc", "a()()b"))
out[#out + 1] = "empty string capture " .. show(string.match("abc", "a(%d*)b"))
out[#out + 1] = "no match " .. show(string.match("abc", "(x)"))
out[#out + 1] = "optional group " .. show(string.match("ac", "a(b?)c"))
local pat = string.rep("(.)", 32)
local s = "abcdefghijklmnopqrstuvwxyz012345"
out[#out + 1] = "32 captures " .. select("#", string.match(s, pat)) .. " last " .. select(32, string.match(s, pat))
local ok, err = pcall(string.match, s .. "6", string.rep("(.)", 33))
out[#out + 1] = "33 captures " .. tostring(ok) .. " " .. tostring(err)
out[#out + 1] = "%9 " .. show(string.match("123456789 9", "(.)(.)(.)(.)(.)(.)(.)(.)(.) %9"))
local ok2, err2 = pcall(string.match, "aa", "(a)%2")
out[#out + 1] = "bad backref " .. tostring(ok2) .. " " .. err2
local ok3, err3 = pcall(string.match, "aa", "(a%1)")
out[#out + 1] = "unclosed backref " .. tostring(ok3) .. " " .. err3
local ok4, err4 = pcall(string.find, "aa", "%0")
out[#out + 1] = "%0 in pattern " .. tostring(ok4) .. " " .. err4
return table.concat(out, "\n")
