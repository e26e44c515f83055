-- Makes a lot of garbage every think and keeps none of it: never the reason a VM fills up.
return {
  name = "Garbage", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local s = string.rep("y", 100000) .. self.id .. world.tick
    return #s > 0 and 0 or 1, 0
  end,
}
