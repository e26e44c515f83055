-- expect: error: undefined global "collectgarbage"
collectgarbage("stop")
