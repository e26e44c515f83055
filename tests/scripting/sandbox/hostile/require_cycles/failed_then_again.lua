-- expect: result: "loop or previous error loading module 'selfreq'"
pcall(require, "selfreq")
local ok, err = pcall(require, "selfreq")
return (err:gsub("^.-: ", ""))
