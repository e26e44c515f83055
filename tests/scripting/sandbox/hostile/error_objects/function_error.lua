-- expect: error: (error object is a function value)
error(function() end)
