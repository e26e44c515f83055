-- expect: error: pattern too complex
for w in ("a"):rep(400):gmatch(".-.-.-b") do return w end
