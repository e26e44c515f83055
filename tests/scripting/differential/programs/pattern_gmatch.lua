-- string.gmatch: captures, empty matches, anchors (not special in 5.1
-- gmatch), position captures, iterating by hand.
local out = {}
local function collect(s, p)
  local r = {}
  for a, b in string.gmatch(s, p) do
    r[#r + 1] = b ~= nil and (tostring(a) .. "=" .. tostring(b)) or tostring(a)
  end
  return "[" .. table.concat(r, "|") .. "]"
end
out[#out + 1] = "words " .. collect("one two  three", "%a+")
out[#out + 1] = "pairs " .. collect("a=1, b=2, c=3", "(%w+)=(%w+)")
out[#out + 1] = "empty a* " .. collect("abaa", "a*")
out[#out + 1] = "empty x* " .. collect("abc", "x*")
out[#out + 1] = "empty () " .. collect("abc", "()")
out[#out + 1] = "empty .- " .. collect("ab", ".-")
out[#out + 1] = "anchor ^a " .. collect("^a^ab", "^a")
out[#out + 1] = "anchor a$ " .. collect("a$a", "a$")
out[#out + 1] = "positions " .. collect("hello", "()l()")
out[#out + 1] = "csv " .. collect("a,,b,", "([^,]*)")
out[#out + 1] = "lines " .. collect("l1\nl2\n\nl4", "[^\n]+")
out[#out + 1] = "chars " .. collect("héllo", ".")
out[#out + 1] = "number subject " .. collect(3.25, "%d")
-- calling the iterator by hand, past the end
local it = string.gmatch("x1y2", "%a(%d)")
local a1, a2, a3, a4 = it(), it(), it(), it()
out[#out + 1] = "manual " .. tostring(a1) .. " " .. tostring(a2) .. " " .. tostring(a3) .. " " .. tostring(a4)
-- two iterators over the same string are independent
local i1, i2 = string.gmatch("abc", "."), string.gmatch("abc", ".")
out[#out + 1] = "independent " .. i1() .. i1() .. i2() .. i1() .. i2()
-- gmatch with a method call and a break
local first
for w in ("alpha beta gamma"):gmatch("%a+") do first = w; break end
out[#out + 1] = "break " .. first
local ok, err = pcall(string.gmatch, "abc")
out[#out + 1] = "no pattern " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() for _ in string.gmatch("abc", "[a") do end end)
out[#out + 1] = "bad pattern " .. tostring(ok2) .. " " .. err2
return table.concat(out, "\n")
