-- Ends in an error on purpose: an error raised inside __index, reached
-- through a chain of lookups, with level 2 blaming the indexing line.
local strict = setmetatable({}, {
  __index = function(_, k) error("undefined field '" .. tostring(k) .. "'", 2) end,
})
local proxy = setmetatable({}, { __index = strict })
local a = proxy.defined_nowhere
return tostring(a)
