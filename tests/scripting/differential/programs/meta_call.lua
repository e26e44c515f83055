-- __call with varargs, chained callables, tail calls through __call, and
-- errors.  Adapted in part from LuaJIT-test-cleanup test/lang/meta/call.lua.
local out = {}
local function list(...)
  local r = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    r[i] = type(v) == "table" and "tbl" or tostring(v)
  end
  return select("#", ...) .. "[" .. table.concat(r, ",") .. "]"
end
local callable = setmetatable({}, { __call = function(self, ...) return self, ... end })
out[#out + 1] = "no args " .. list(callable())
out[#out + 1] = "args " .. list(callable("foo", "bar"))
out[#out + 1] = "nils " .. list(callable(nil, nil))
out[#out + 1] = "self is the table " .. tostring(rawequal((callable()), callable))
out[#out + 1] = "many " .. list(select(2, callable(unpack({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }))))
out[#out + 1] = "through pcall " .. list(pcall(callable, "p"))
-- a callable whose __call is itself a callable table
local tc = setmetatable({}, { __call = function(o, a, b) return "tc", a, b end })
local ta = setmetatable({}, { __add = tc })
out[#out + 1] = "__add is callable table " .. list(ta + ta)
-- __call swapped after use
getmetatable(tc).__call = function(o, a, b) return "swapped", rawequal(a, ta) end
out[#out + 1] = "after swap " .. list(ta + ta)
-- jit loop of calls
local sub = setmetatable({}, { __call = function(_, a) return 100 - a end })
local s = 0
for i = 1, 100 do s = s + sub(i) end
out[#out + 1] = "loop sum " .. s
-- __call used as an iterator in a generic for
local counter = setmetatable({ n = 0 }, { __call = function(self, _, last)
  self.n = self.n + 1
  if self.n <= 3 then return self.n * 10 end
end })
local got = {}
for v in counter do got[#got + 1] = v end
out[#out + 1] = "iterator " .. table.concat(got, ",")
-- __call in a tail call and as a callback to library functions
local upper = setmetatable({}, { __call = function(_, c) return c:upper() end })
out[#out + 1] = "gsub treats a callable table as a lookup table " .. ("abc"):gsub("%w", upper)
local cmp = setmetatable({}, { __call = function(_, a, b) return a > b end })
local oks, errs = pcall(table.sort, { 3, 1, 2 }, cmp)
out[#out + 1] = "sort wants a real function " .. tostring(oks) .. " " .. tostring(errs)
out[#out + 1] = "xpcall handler must be a function " .. list(pcall(xpcall, error, setmetatable({}, { __call = function() end }), "oops", 0))
-- errors
local ok, err = pcall(function() local t = {}; t() end)
out[#out + 1] = "no __call " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() local t = setmetatable({}, { __call = 1 }); t() end)
out[#out + 1] = "__call not callable " .. tostring(ok2) .. " " .. err2
local ok3, err3 = pcall(function() local obj = { field = setmetatable({}, {}) }; obj.field(1) end)
out[#out + 1] = "field no __call " .. tostring(ok3) .. " " .. err3
local ok4, err4 = pcall(function() local obj = {}; obj:method() end)
out[#out + 1] = "missing method " .. tostring(ok4) .. " " .. err4
return table.concat(out, "\n")
