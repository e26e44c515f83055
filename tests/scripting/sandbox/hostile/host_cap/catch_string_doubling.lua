-- expect: result: "caught"
local ok, err = pcall(function() local s = "x" while true do s = s .. s end end)
return (not ok and err == "not enough memory") and "caught" or tostring(err)
