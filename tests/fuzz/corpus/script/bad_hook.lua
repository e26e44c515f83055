-- expect: 4: on_death must be a function
return {
  name = "Hook", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  on_death = "boom",
  think = function() return 0, 0 end,
}
