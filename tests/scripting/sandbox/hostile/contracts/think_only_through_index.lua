-- expect: error: missing required field 'think'
return setmetatable({ name = "Lazy", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1 }, {
  __index = function(_, k) if k == "think" then return function() return 0, 0 end end end,
})
