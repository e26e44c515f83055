-- expect: result: tampered only here
-- Changing a module's table changes this script's copy only: the canary requires it afresh.
local canary = require("canarylib")
canary.answer = function() return 0 end
return "tampered only here"
