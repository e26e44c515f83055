-- Doubles a string until the VM's memory cap refuses it.
return {
  name = "Bomb", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local s = "memory"
    while true do s = s .. s end
  end,
}
