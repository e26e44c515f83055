-- Ends in an error on purpose: a failed assert with a message.  Unlike PUC
-- Lua 5.1, LuaJIT prefixes a string message with the caller's position.
local t = { 1, 2, 3 }
assert(#t == 3, "length is three")
assert(t[4], "t[4] is missing")
return "unreached"
