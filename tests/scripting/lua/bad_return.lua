-- Returns a string instead of numbers: the error names the script and what was expected.
return {
  name = "Returns", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    return "left", 0
  end,
}
