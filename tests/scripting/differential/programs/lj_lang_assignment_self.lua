-- Adapted from LuaJIT-test-cleanup test/lang/assignment.lua (local parts;
-- the global parts need globals, which the sandbox forbids) and self.lua.
local out = {}
local a, b, c
a, b, c = 0, 1
out[#out + 1] = "a,b,c = 0,1 -> " .. tostring(a) .. " " .. tostring(b) .. " " .. tostring(c)
a, b = a + 1, b + 1, a + b
out[#out + 1] = "extra rhs dropped -> " .. a .. " " .. b
a, b, c = 0
out[#out + 1] = "one rhs -> " .. tostring(a) .. " " .. tostring(b) .. " " .. tostring(c)
local t = {}
local i = 3
i, t[i] = i + 1, 20
out[#out + 1] = "lhs key evaluated first -> i=" .. i .. " t[3]=" .. tostring(t[3]) .. " t[4]=" .. tostring(t[4])
local x, y = 1, 2
x, y = y, x
out[#out + 1] = "swap " .. x .. " " .. y
local u = { 1, 2, 3 }
local j = 1
j, u[j], u[j + 1] = 3, "a", "b"
out[#out + 1] = "multi index " .. table.concat(u, ",") .. " j=" .. j
local obj = {}
function obj:set(v) self.a = v end
function obj:get() return self.a end
obj:set("foo")
out[#out + 1] = "self " .. obj:get() .. " " .. obj.a
obj:set(42)
out[#out + 1] = "self again " .. obj:get()
local function three() return 1, 2, 3 end
local p, q, r, s = 0, three()
out[#out + 1] = "call at end " .. p .. q .. r .. s
local p2, q2, r2 = three(), 10
out[#out + 1] = "call not at end " .. p2 .. q2 .. tostring(r2)
return table.concat(out, "\n")
