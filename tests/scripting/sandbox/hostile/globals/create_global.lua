-- expect: error: create_global.lua:2: attempt to create global variable "counter" (declare it with 'local')
counter = 1
