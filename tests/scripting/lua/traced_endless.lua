-- Never returns: the budget must end it.
return {
  name = "Endless", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local n = 0
    while true do n = n + 1 end
  end,
}
