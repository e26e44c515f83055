-- setmetatable / getmetatable (with __metatable), rawequal, type.
-- Adapted in part from LuaJIT-test-cleanup test/lib/base/getsetmetatable.lua.
local out = {}
local mt = {}
local t = {}
out[#out + 1] = "set returns table " .. tostring(rawequal(setmetatable(t, mt), t))
out[#out + 1] = "get " .. tostring(rawequal(getmetatable(t), mt))
out[#out + 1] = "set nil " .. tostring(rawequal(setmetatable(t, nil), t)) .. " " .. tostring(getmetatable(t))
local protected = setmetatable({}, { __metatable = "locked" })
out[#out + 1] = "protected get " .. tostring(getmetatable(protected))
local ok, err = pcall(setmetatable, protected, {})
out[#out + 1] = "protected set " .. tostring(ok) .. " " .. tostring(err)
local ok1, err1 = pcall(setmetatable, protected, nil)
out[#out + 1] = "protected clear " .. tostring(ok1) .. " " .. tostring(err1)
local p2 = setmetatable({}, { __metatable = false })
out[#out + 1] = "__metatable false " .. tostring(getmetatable(p2)) .. " " .. tostring((pcall(setmetatable, p2, {})))
local p3mt = { __metatable = { fake = true } }
local p3 = setmetatable({}, p3mt)
out[#out + 1] = "__metatable table " .. tostring(getmetatable(p3).fake) .. " " .. tostring(rawequal(getmetatable(p3), p3mt))
local function e(f, ...)
  local ok2, err2 = pcall(f, ...)
  return tostring(ok2) .. " " .. tostring(err2)
end
out[#out + 1] = "set number " .. e(setmetatable, 1, {})
out[#out + 1] = "set string " .. e(setmetatable, "s", {})
out[#out + 1] = "set bad mt " .. e(setmetatable, {}, 1)
out[#out + 1] = "set no mt " .. e(setmetatable, {})
out[#out + 1] = "set nothing " .. e(setmetatable)
out[#out + 1] = "get nothing " .. e(getmetatable)
out[#out + 1] = "get primitive " .. tostring(getmetatable(1)) .. " " .. tostring(getmetatable(nil)) .. " " .. tostring(getmetatable(true)) .. " " .. tostring(getmetatable(getmetatable))
local okL, errL = pcall(function() local r = setmetatable(1, {}); return r end)
out[#out + 1] = "set number in Lua " .. tostring(okL) .. " " .. errL
-- the jit-assorted loop from LuaJIT's test: one protected table among many
local list = {}
for i = 1, 200 do list[i] = setmetatable({}, mt) end
list[150] = setmetatable({}, { __metatable = "foo" })
local fails = {}
for i = 1, 200 do if not pcall(setmetatable, list[i], nil) then fails[#fails + 1] = i end end
local nils = 0
for i = 1, 200 do if getmetatable(list[i]) == nil then nils = nils + 1 end end
out[#out + 1] = "assorted fails " .. table.concat(fails, ",") .. " nils " .. nils
-- rawequal bypasses __eq
local eqmt = { __eq = function() return true end }
local a, b = setmetatable({}, eqmt), setmetatable({}, eqmt)
out[#out + 1] = "== " .. tostring(a == b) .. " rawequal " .. tostring(rawequal(a, b)) .. " self " .. tostring(rawequal(a, a))
out[#out + 1] = "rawequal values " .. tostring(rawequal(1, 1.0)) .. " " .. tostring(rawequal("a", "a")) .. " " .. tostring(rawequal(nil, false)) .. " " .. tostring(rawequal(0, -0)) .. " " .. tostring(rawequal(0 / 0, 0 / 0))
out[#out + 1] = "rawequal errors " .. e(rawequal, 1) .. " | " .. e(rawequal)
-- type
out[#out + 1] = "types " .. table.concat({ type(nil), type(true), type(1), type("s"), type({}), type(type), type(function() end) }, " ")
out[#out + 1] = "type() " .. e(type)
out[#out + 1] = "type(nil) " .. type(nil) .. " type of type " .. type(type(1))
return table.concat(out, "\n")
