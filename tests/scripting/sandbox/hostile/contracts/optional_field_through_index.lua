-- expect: result: loads
-- fire_interval only through __index, as a string: it once reached a comparison with a number in
-- the trusted code. Read raw, the field is absent: the default applies.
return setmetatable({ name = "Opt", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
  think = function() return 0, 0 end }, { __index = function() return "soon" end })
