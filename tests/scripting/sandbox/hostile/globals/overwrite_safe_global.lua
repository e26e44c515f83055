-- expect: error: attempt to create global variable "print"
print = function() end
