#!/usr/bin/env luajit
return (function() return 7 end)()
