local ok, e = pcall(function() error('x') end)
local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
return ok, e, co(1), co(5), xpcall(function() return nil + 1 end, function(m) return 'handled' end)
