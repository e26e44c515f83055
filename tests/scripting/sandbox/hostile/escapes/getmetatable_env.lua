-- expect: result: false
-- The environment's metatable is hidden: no way to reach the sandbox's tables through it.
local env_mt = getmetatable(setmetatable({}, {__metatable = false}))
return env_mt
