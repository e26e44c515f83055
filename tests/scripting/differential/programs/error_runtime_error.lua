-- Ends in an error on purpose: a VM error at the top level of the chunk.
local out = {}
out[#out + 1] = "before"
local config = nil
local value = config.setting
return table.concat(out, "\n") .. tostring(value)
