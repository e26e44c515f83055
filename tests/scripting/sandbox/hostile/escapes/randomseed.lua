-- expect: error: attempt to call field 'randomseed' (a nil value)
-- math.random and math.randomseed do not exist: randomness comes from the engine.
return math.randomseed(1)
