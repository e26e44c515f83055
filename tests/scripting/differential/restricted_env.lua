-- The environment of run_plain.lua --restricted: only what the Arena sandbox offers.
-- Reading or creating any other global raises an error, and so does reading a library field the
-- sandbox does not have (string.dump, math.random, ...) or writing to a library table -- also
-- through the string metatable, so ("x"):dump() is caught too. Returns the environment table.
local allowed_lib = {
  math = { "abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cosh",
           "deg", "exp", "floor", "fmod", "frexp", "ldexp", "log", "log10",
           "max", "min", "modf", "pow", "rad", "sin", "sinh", "sqrt", "tan",
           "tanh", "pi", "huge" },
  string = { "byte", "char", "find", "format", "gmatch", "gsub", "len",
             "lower", "match", "rep", "reverse", "sub", "upper" },
  table = { "concat", "insert", "remove", "maxn", "sort" },
  bit = { "tobit", "tohex", "bnot", "band", "bor", "bxor", "lshift",
          "rshift", "arshift", "rol", "ror", "bswap" },
}

local function violation(what)
  -- Level 3: blame the program line that did the access.
  error("RESTRICTED: " .. what, 3)
end

local proxies = {}
for libname, names in pairs(allowed_lib) do
  local real = _G[libname]
  local ok = {}
  for _, n in ipairs(names) do
    assert(real[n] ~= nil, libname .. "." .. n)
    ok[n] = real[n]
  end
  proxies[libname] = setmetatable({}, {
    __index = function(_, k)
      local v = ok[k]
      if v == nil then
        violation("read of " .. libname .. "." .. tostring(k))
      end
      return v
    end,
    __newindex = function(_, k)
      violation("write to " .. libname .. "." .. tostring(k))
    end,
    __metatable = false,
  })
end
-- Method calls on strings go through the string metatable.
debug.getmetatable("").__index = proxies.string

local env = {}
for _, n in ipairs{ "assert", "error", "ipairs", "next", "pairs", "pcall",
                    "xpcall", "select", "tonumber", "tostring", "type",
                    "unpack", "rawequal", "setmetatable", "getmetatable" } do
  env[n] = _G[n]
end
for libname, p in pairs(proxies) do env[libname] = p end

local real_require = require
env.require = function(name)
  local p = proxies[name]
  if p then return p end
  -- A tail call, so that errors raised by require itself ("loop or previous
  -- error loading module ...") get the program's position, not this file's.
  return real_require(name)
end

setmetatable(env, {
  __index = function(_, k)
    violation("read of undefined global '" .. tostring(k) .. "'")
  end,
  __newindex = function(_, k)
    violation("creation of global '" .. tostring(k) .. "'")
  end,
  __metatable = false,
})

return env
