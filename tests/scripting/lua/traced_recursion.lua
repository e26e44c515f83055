-- Recursion: each level one deeper in the trace.
local function down(n)
  if n == 0 then return 0 end
  return 1 + down(n - 1)
end

return {
  name = "Recursion", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    return down(3), 0
  end,
}
