-- Every escape sequence of LuaJIT 2.1 string literals.
local out = {}
local function bytes(s)
  local b = {}
  for i = 1, #s do b[i] = s:byte(i) end
  return #s .. ":" .. table.concat(b, ",")
end
local cases = {
  { "bell etc", "\a\b\f\n\r\t\v" },
  { "quotes", "\\\"\x27" },
  { "single", '\'\"' },
  { "backslash-newline", "a\
b" },
  { "hex", "\x41\x62\x7e\x00\xff\xFf" },
  { "decimal", "\65\066\0067\0\255\1234" },
  { "utf8", "\u{41}\u{e9}\u{20AC}\u{1F600}\u{10FFFF}\u{0}" },
  { "z", "a\z
        b\z   c\z


          d" },
  { "z no space", "x\zy" },
  { "nul", "a\0b" },
  { "decimal max", "\255\25\2" },
  { "digits after", "\0499" },
}
for _, c in ipairs(cases) do
  out[#out + 1] = c[1] .. " " .. bytes(c[2])
end
out[#out + 1] = "q " .. string.format("%q", "\a\0\r\n\\\"\255")
return table.concat(out, "\n")
