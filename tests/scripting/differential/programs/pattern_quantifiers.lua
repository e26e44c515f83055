-- Anchors and quantifiers: ^ $ * + - ? and the difference between the
-- greedy '*' and the lazy '-'.
local out = {}
local function show(...)
  local r = {}
  for i = 1, select("#", ...) do r[i] = tostring((select(i, ...))) end
  return table.concat(r, ",")
end
local cases = {
  { "<a><b><c>", "<(.*)>" }, { "<a><b><c>", "<(.-)>" },
  { "<a><b><c>", "^<(.-)>$" }, { "<a><b><c>", "^<(.*)>$" },
  { "aaa", "a*" }, { "aaa", "a-" }, { "aaa", "a-$" }, { "aaa", "^a+" },
  { "baaa", "a+" }, { "b", "a?b" }, { "ab", "a?b" }, { "aab", "a?b" },
  { "xyz", "^y" }, { "xyz", "z$" }, { "xyz", "y$" }, { "x$y", "x$y" },
  { "a^b", "a^b" }, { "^b", "^^b" }, { "ab$", "b%$$" }, { "", "^$" },
  { "", ".*" }, { "", ".-" }, { "", "." }, { "abc", "" }, { "abc", "^" },
  { "abc", "$" }, { "a.b", "a.b" }, { "a+b", "a+b" }, { "aab", "a+b" },
  { "[x]", "%[(.-)%]" }, { "f(a,b)", "%((.-)%)" }, { "  trim me  ", "^%s*(.-)%s*$" },
  { "key = value # comment", "^(%w+)%s*=%s*([^#]-)%s*#" },
  { "1234567", "(%d-)(%d+)" }, { "1234567", "(%d*)(%d+)" },
  { "aaa", "(a*)(a-)(a+)" }, { "a*b", "a%*b" }, { "a-b", "a-b" },
  { "ab", "a*?" }, { "abc", "%a*c" }, { "abc", "[ab]*c" },
}
for _, c in ipairs(cases) do
  out[#out + 1] = string.format("%-12s %-28s find=%s match=%s", "'" .. c[1] .. "'", "'" .. c[2] .. "'",
    show(string.find(c[1], c[2])), show(string.match(c[1], c[2])))
end
return table.concat(out, "\n")
