-- expect: 5: memory field 'target' has type "table"
return {
  name = "Memory", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  memory = {
    target = "table",
  },
  think = function() return 0, 0 end,
}
