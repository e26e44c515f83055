-- expect: error: cannot change a protected metatable
setmetatable(math, {__index = function() return 42 end})
