-- expect: result: caught
-- A script may catch its own "not enough memory"; the memory is given back once it lets go.
local ok = pcall(function() local t = {} for i = 1, 1e9 do t[i] = {i, i, i, i} end end)
return ok and "not caught" or "caught"
