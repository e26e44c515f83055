-- Ends in an error on purpose: the error comes from inside a module
-- function, so the position names lib/util/strings.lua.
local strings = require("util.strings")
strings.fail("from the program")
return "unreached"
