-- expect: result: "loop or previous error"
pcall(require, "selfreq")
local ok, err = pcall(require, "selfreq")
return err:match("loop or previous error")
