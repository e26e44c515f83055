-- Uses a module from scripts/lib and the world view.
local lib = require("helpers.double")
return {
  name = "Lib", hp = 3, speed = 1000, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    return lib.double(world.player_x - self.x), world.width
  end,
}
