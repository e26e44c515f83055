-- A literal percent sign followed by "p" is text, not the %p conversion (which the sandbox
-- refuses because it prints addresses).
local out = {}
out[#out + 1] = string.format("%%p")
out[#out + 1] = string.format("100%% pure %s", "lua")
out[#out + 1] = ("%%%d%%p"):format(5)
out[#out + 1] = string.format("%5.1f%%", 99.44)
return table.concat(out, "|")
