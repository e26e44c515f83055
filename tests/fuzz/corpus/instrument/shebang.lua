#!/usr/bin/env luajit
local n = 0 while n < 3 do n = n + 1 end return n
