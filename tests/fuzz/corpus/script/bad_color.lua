-- expect: 4: color must be a string like "#ff5a4a"
return {
  name = "Colour", hp = 3, speed = 10, radius = 10, score = 1,
  color = "red",
  think = function() return 0, 0 end,
}
