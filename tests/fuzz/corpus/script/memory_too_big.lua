-- expect: 4: at most 64 are allowed
return {
  name = "Big", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  memory = { a = "double", b = "double", c = "double", d = "double", e = "double", f = "double", g = "double", h = "double", i = "double" },
  think = function() return 0, 0 end,
}
