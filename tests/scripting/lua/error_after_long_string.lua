local s = [[
line 2
line 3 do
]]
-- line 5
local function boom()
  error("boom on line 7")
end
boom()
