-- NOT part of the corpus: a LuaJIT 2.1.0-beta3 (Debian 12) JIT bug found
-- while building it.  A trace that recorded s:sub(i, j) with j > #s guards
-- it with an unsigned compare that a negative j also passes, and then reads
-- that j as #s, so s:sub(5, -7) returns the tail of the string instead of "".
-- (LuaJIT #1407, fixed upstream in November 2025.)  Whether it shows depends
-- on how the traces form; this exact shape (the replaced string __index is
-- incidental: it only changes the traces) reproduces it on Debian 12's luajit
-- 2.1.0~beta3 (x86-64):
--
--   luajit jit_quirks/string_sub_negative_end.lua         -> 5: '' 'ef' ...
--   luajit -joff jit_quirks/string_sub_negative_end.lua   -> 5: '' '' ...
local ok = { sub = string.sub }
debug.getmetatable("").__index = setmetatable({}, {
  __index = function(_, k) local v = ok[k]; if v == nil then error(k) end; return v end,
})
local f = assert(loadstring([[
local s = "abcdef"
local idx = { -100, -7, -6, -1, 0, 1, 2, 5, 6, 7, 100 }
local out = {}
for _, i in ipairs(idx) do
  local row = {}
  for _, j in ipairs(idx) do row[#row + 1] = "'" .. s:sub(i, j) .. "'" end
  out[#out + 1] = i .. ": " .. table.concat(row, " ")
end
return table.concat(out, "\n")
]]))
local res = f()
-- the second column is s:sub(i, -7), which must be '' for every i
print((string.match(res, "\n5: '' ''") and "ok" or "BUG") .. "\n" .. res)
