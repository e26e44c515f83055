-- Character sets: ranges, complements, classes inside sets, ']' and '-'
-- and '^' in odd places.
local out = {}
local function all(s, p)
  local r = {}
  for m in string.gmatch(s, p) do r[#r + 1] = m end
  return p .. " => " .. table.concat(r, "|")
end
local s = "abc-XYZ_019 ]^[%.\t!"
for _, p in ipairs({
  "[a-c]+", "[^a-c]+", "[%a_]+", "[%d%-]+", "[]]", "[^]]+", "[]^]+", "[a-]+",
  "[-a]+", "[%]]", "[%[%]]+", "[%^]", "[^%^]+", "[x-z%u]+", "[0-9A-F]+",
  "[%s!]+", "[%.%%]+", "[a-a]", "[z-a]", "[%w_%-]+", "[\1-\31]",
  "[^%w%s]+", "[%W%S]",
}) do
  out[#out + 1] = all(s, p)
end
-- ranges with non-ASCII bytes
local bytes = "\128\200\255abc"
out[#out + 1] = "high " .. select(2, string.gsub(bytes, "[\128-\255]", "")) .. " " .. select(2, string.gsub(bytes, "[^\128-\255]", ""))

-- (a pattern cannot contain a NUL byte in Lua 5.1; %z stands for it)
out[#out + 1] = "nul " .. tostring(string.find("a\0b", "%z")) .. " " .. tostring(string.find("a\0b", "[%z]"))
return table.concat(out, "\n")
