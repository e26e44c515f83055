-- The frontier pattern %f[set] and balanced matches %bxy.
local out = {}
local function all(s, p)
  local r = {}
  for a, b in string.gmatch(s, "()" .. p .. "()") do r[#r + 1] = a .. "-" .. b end
  return r
end
local text = "THE (quick) fox, the QUICK fox; the_end"
out[#out + 1] = "words " .. table.concat(all(text, "%f[%w]%w+"), ",")
out[#out + 1] = "upper words " .. table.concat(all(text, "%f[%a]%u+%f[%A]"), ",")
out[#out + 1] = "word ends " .. table.concat(all(text, "%f[%W]"), ",")
out[#out + 1] = "the " .. select(2, string.gsub(text, "%f[%a]the%f[%A]", "X")) .. " " .. string.gsub(text, "%f[%a]the%f[%A]", "X")
out[#out + 1] = "frontier at start/end " .. table.concat(all("abc", "%f[%a]"), ",") .. " " .. table.concat(all("abc", "%f[%z]"), ",")
out[#out + 1] = "frontier with \\0 " .. tostring(string.find("a\0b", "%f[%z]")) .. " " .. tostring(string.find("\0", "%f[^%z]"))
out[#out + 1] = "digits " .. string.gsub("a1 22 b333c 4", "%f[%d]%d+%f[%D]", "<%0>")

out[#out + 1] = "balanced () " .. table.concat({ string.match("f(a(b)c) g(d)", "%b()") }, ",")
out[#out + 1] = "all () " .. table.concat(all("f(a(b)c) g(d) (()", "%b()"), ",")
out[#out + 1] = "balanced [] " .. tostring(string.match("x[1[2]3]y", "%b[]"))
out[#out + 1] = "same delim " .. tostring(string.match("a'b'c'd'", "%b''"))
out[#out + 1] = "unbalanced " .. tostring(string.match("((a)", "^%b()"))
out[#out + 1] = "gsub %b " .. string.gsub("call(x, (y)) and (z)", "%b()", "[]")
out[#out + 1] = "with capture " .. table.concat({ string.match("key = {a {b} c} rest", "(%w+) = (%b{})") }, "|")
return table.concat(out, "\n")
