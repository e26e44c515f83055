-- expect: 5: unknown field 'sped'
return {
  name = "Typo",
  hp = 3, radius = 10, color = "#ffffff", score = 1, speed = 10,
  sped = 10,
  think = function() return 0, 0 end,
}
