-- Function definitions with dotted names and methods: function a.b:c().
local out = {}
local a = { b = { c = {} } }
function a.f(x) return "a.f " .. tostring(x) end
function a.b.g(x, y) return "a.b.g " .. x .. y end
function a.b:h(x) return "a.b:h " .. tostring(self == a.b) .. " " .. x end
function a.b.c:deep(...) return "a.b.c:deep " .. tostring(self == a.b.c) .. " " .. select("#", ...) end
function a.b.c.d(...) return "a.b.c.d " .. select("#", ...) end
out[#out + 1] = a.f(1)
out[#out + 1] = a.b.g("x", "y")
out[#out + 1] = a.b:h("z")
out[#out + 1] = a.b.h(a.b, "w")
out[#out + 1] = a.b.c:deep(1, nil, 3)
out[#out + 1] = a.b.c.d(nil, nil)
out[#out + 1] = a["b"]["c"]:deep()

-- method calls on results of calls and indexing
local Account = {}
Account.__index = Account
function Account.new(balance) return setmetatable({ balance = balance }, Account) end
function Account:deposit(v) self.balance = self.balance + v; return self end
function Account:get() return self.balance end
out[#out + 1] = "chain " .. Account.new(10):deposit(5):deposit(7):get()

-- method call with a string or table literal argument
local o = { tag = "o" }
function o:say(arg) return self.tag .. ":" .. (type(arg) == "table" and arg[1] or arg) end
out[#out + 1] = o:say "str"
out[#out + 1] = o:say { "tbl" }
out[#out + 1] = o:say [[long]]

-- self is an ordinary parameter name
function o.explicit(self, n) return self.tag .. n end
out[#out + 1] = o:explicit(1)

-- redefining a method through a local alias of the table
local alias = a.b
function alias:h(x) return "redefined " .. x end
out[#out + 1] = a.b:h("v")

-- error message from calling a missing method
local ok, err = pcall(function() return o:missing() end)
out[#out + 1] = tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() local n = nil; return n:foo() end)
out[#out + 1] = tostring(ok2) .. " " .. err2
return table.concat(out, "\n")
