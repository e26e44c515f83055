-- expect: error: (error object is a table value)
-- The host reads only strings: this __tostring (an endless loop) is never run.
error(setmetatable({}, {__tostring = function() while true do end end}))
