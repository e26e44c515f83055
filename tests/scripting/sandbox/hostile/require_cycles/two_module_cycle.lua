-- expect: error: lib/cycle_b.lua:1: loop or previous error loading module 'cycle_a'
return require("cycle_a")
