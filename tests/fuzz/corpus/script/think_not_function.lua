-- expect: 4: think must be a function (got 42)
return {
  name = "Nope", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = 42,
}
