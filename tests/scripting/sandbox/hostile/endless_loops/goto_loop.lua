-- expect: error: goto_loop.lua:2: script exceeded its CPU budget
::again:: goto again
