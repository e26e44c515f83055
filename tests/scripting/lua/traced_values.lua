-- Locals of every kind, for the tracer's formatting (none of them may run script code).
local Sneaky = setmetatable({}, {
  __tostring = function() error("__tostring ran") end,
  __index = function() error("__index ran") end,
})

return {
  name = "Values", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world)
    local t = { 7, x = "y" }
    local s = "a\"b\n"
    local long = string.rep("z", 100)
    local f, yes, none, tenth = function() end, true, nil, 0.1
    local sneaky = Sneaky
    return tenth, world.tick
  end,
}
