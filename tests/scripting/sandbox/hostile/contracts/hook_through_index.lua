-- expect: result: loads
-- on_spawn only through __index: it does not exist (and is never called).
return setmetatable({ name = "NoHook", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function() return 0, 0 end }, { __index = function() return function() error("ran") end end })
