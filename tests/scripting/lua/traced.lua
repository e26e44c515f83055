-- Traced: a think whose every line is known (debug/think_trace_test.cpp checks the sequence).
local function double(v)
  local r = v * 2
  return r
end

return {
  name = "Traced", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  memory = { count = "int" },
  think = function(self, world, mem)
    local a = 1.5
    local b = double(a)
    mem.count = mem.count + 1
    local label = "n" .. mem.count
    return b, a + #label, false
  end,
}
