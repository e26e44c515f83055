-- Every character class and its complement, over all 256 byte values:
-- prints the matching bytes as ranges.  Also the same through sets.
local out = {}
local all = {}
for b = 0, 255 do all[#all + 1] = string.char(b) end
all = table.concat(all)

local function ranges(pat)
  local list = {}
  local start, prev
  for b = 0, 256 do
    local hit = b < 256 and string.find(string.char(b), pat) ~= nil
    if hit then
      if not start then start = b end
      prev = b
    elseif start then
      list[#list + 1] = start == prev and tostring(start) or (start .. "-" .. prev)
      start = nil
    end
  end
  return table.concat(list, ",")
end

for _, c in ipairs({ "a", "c", "d", "g", "l", "p", "s", "u", "w", "x", "z" }) do
  local lower, upper = "%" .. c, "%" .. c:upper()
  local n1 = select(2, string.gsub(all, lower, ""))
  local n2 = select(2, string.gsub(all, upper, ""))
  out[#out + 1] = lower .. " " .. n1 .. " [" .. ranges(lower) .. "]"
  out[#out + 1] = upper .. " " .. n2 .. " [" .. ranges(upper) .. "]"
  out[#out + 1] = "[" .. lower .. "] " .. ranges("[" .. lower .. "]") .. " [^" .. lower .. "] " .. select(2, string.gsub(all, "[^" .. lower .. "]", ""))
end
-- '.' matches every byte, including NUL
out[#out + 1] = ". " .. select(2, string.gsub(all, ".", ""))
-- escaped punctuation
for _, c in ipairs({ "%.", "%%", "%-", "%+", "%*", "%?", "%[", "%]", "%^", "%$", "%(", "%)" }) do
  out[#out + 1] = c .. " " .. ranges(c)
end
-- %<non-alphanumeric> is the character itself
out[#out + 1] = "%@ " .. ranges("%@") .. " %/ " .. ranges("%/") .. " %~ " .. ranges("%~")
return table.concat(out, "\n")
