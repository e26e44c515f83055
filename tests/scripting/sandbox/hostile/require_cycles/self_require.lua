-- expect: error: lib/selfreq.lua:2: loop or previous error loading module 'selfreq'
return require("selfreq")
