-- Ends in an error on purpose: error() with no value.
local function fail() error() end
fail()
return "unreached"
