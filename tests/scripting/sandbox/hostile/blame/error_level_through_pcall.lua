-- expect: result: "error_level_through_pcall.lua:2: up"
local ok, err = pcall(error, "up", 2)
return err
