-- A module whose body raises an error while loading.
local t = {}
local function explode()
  return t.missing.field
end
explode()
return t
