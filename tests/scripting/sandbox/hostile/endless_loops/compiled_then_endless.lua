-- expect: error: script exceeded its CPU budget
-- Warm the loop up until the JIT compiles it, then never leave it.
local x = 0
for i = 1, 100000 do x = x + i % 7 end
while x > 0 do x = x + 1 end
