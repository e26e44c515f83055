-- Raises for every third entity (by id): the others must still think, in the same batch.
return {
  name = "Faulty", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    if self.id % 3 == 0 then
      error("entity " .. self.id .. " refuses to think")
    end
    return 1, 2
  end,
}
