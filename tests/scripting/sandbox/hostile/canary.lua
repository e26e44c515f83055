-- The canary: after each hostile script, in the same VM, the libraries still work as they should.
assert(math.floor(2.5) == 2, "math.floor")
assert(("x"):upper() == "X", "string methods")
assert(string.upper("ab") == "AB", "string.upper")
assert(string.rep("ab", 3) == "ababab", "string.rep")
assert(select("#", string.find("hello", "l+")) == 2, "string.find")
assert(("key=value"):match("(%w+)=(%w+)") == "key", "string.match")
assert(("a,b,c"):gsub(",", ";") == "a;b;c", "string.gsub")
assert(tostring(12) == "12", "tostring")
local t = {3, 1, 2}
table.sort(t)
assert(t[1] == 1 and t[3] == 3, "table.sort")
table.insert(t, 4)
assert(#t == 4, "table.insert")
assert(require("canarylib").answer() == 42, "modules")
assert(not pcall(error, "x"), "pcall")
local n = 0
for i = 1, 10000 do n = n + i end
assert(n == 50005000, "loops run")
return "intact"
