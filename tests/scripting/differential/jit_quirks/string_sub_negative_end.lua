-- NOT part of the corpus: a LuaJIT 2.1.0-beta3 (Debian 12) JIT bug found
-- while building it.  With the string metatable's __index replaced by a
-- table whose __index is a function (as run_restricted.lua does, and as a
-- sandbox may), a hot loop computing s:sub(i, j) over a grid of indices
-- returns the tail of the string for s:sub(5, -7) and s:sub(6, -7) instead
-- of "".  Whether it shows depends on how the traces form; this exact
-- shape reproduces it on Debian 12's luajit 2.1.0~beta3 (x86-64):
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
