-- expect: 4: hp must be a number from 0.01 to 1000000 (got -3)
return {
  name = "Negative",
  hp = -3,
  speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function() return 0, 0 end,
}
