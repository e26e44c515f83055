local t = { tostring
(1) }
local s = 'x'
;(function() s = s .. 'y' end)()
return t[1], s
