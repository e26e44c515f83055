-- Errors caught inside functions that call back into Lua (format with __tostring, sort
-- comparators, gsub callbacks, tostring) must leave those functions working: a sandbox that counts
-- their nesting must undo the count when an error unwinds (it once did not, after 16).
local out = {}
local bad = setmetatable({}, { __tostring = function() error("no text", 0) end })
local fails = 0
for i = 1, 40 do
  if not pcall(string.format, "%s", bad) then fails = fails + 1 end
  if not pcall(tostring, bad) then fails = fails + 1 end
  if not pcall(table.sort, { 3, 1, 2 }, function() error("cmp", 0) end) then fails = fails + 1 end
  if not pcall(string.gsub, "abc", "%w", function() error("cb", 0) end) then fails = fails + 1 end
end
out[#out + 1] = "caught " .. fails
local t = { 5, 2, 9, 1 }
table.sort(t, function(a, b) return a > b end)
out[#out + 1] = "sort still works " .. table.concat(t, ",")
out[#out + 1] = "format still works " .. string.format("%s|%d", setmetatable({}, { __tostring = function() return "obj" end }), 7)
out[#out + 1] = "gsub still works " .. (string.gsub("abc", "%w", function(c) return c:upper() end))
out[#out + 1] = "tostring still works " .. tostring(setmetatable({}, { __tostring = function() return "ok" end }))
-- nested a few levels, as a program may legitimately do
local depth = 0
local nest
nest = setmetatable({}, { __tostring = function()
  depth = depth + 1
  if depth < 10 then return "<" .. tostring(nest) .. ">" end
  return "core"
end })
out[#out + 1] = "nested " .. tostring(nest)
return table.concat(out, "\n")
