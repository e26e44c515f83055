-- expect: error: undefined global "jit"
jit.off()
