-- require: modules from lib/ (chunk names "lib/<path>"), caching, dotted
-- names, modules that return nothing, the four libraries, errors raised
-- inside module functions (their positions name the module file).
local out = {}
local strings = require("util.strings")
local again = require("util.strings")
out[#out + 1] = "cached " .. tostring(rawequal(strings, again)) .. " loads " .. strings.loads
out[#out + 1] = "trim [" .. strings.trim("  hi there  ") .. "]"
out[#out + 1] = "split " .. table.concat(strings.split("a,b,,c", ","), "|") .. " " .. table.concat(strings.split("x.y", "."), "|")
local counter = require("counter")
counter.next(); counter.next()
out[#out + 1] = "counter " .. require("counter").next() .. " module args " .. counter.args
local deep = require("nested.deep.mod")
out[#out + 1] = "deep " .. deep.name .. " " .. deep.shout("  quiet ")
out[#out + 1] = "libs " .. tostring(rawequal(require("math"), math)) .. tostring(rawequal(require("string"), string))
  .. tostring(rawequal(require("table"), table)) .. tostring(rawequal(require("bit"), bit))
  .. tostring(rawequal(deep.mathlib, math)) .. tostring(rawequal(deep.bitlib, bit))
out[#out + 1] = "returns nothing " .. tostring(require("returns_nothing")) .. " " .. type(require("returns_nothing"))
local ok, err = pcall(strings.fail, "bad input")
out[#out + 1] = "error in module function " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(function() strings.fail2("caller's fault") end)
out[#out + 1] = "level 2 from module " .. tostring(ok2) .. " " .. err2
local ok3, err3 = pcall(function() local r = strings.trim(nil); return r end)
out[#out + 1] = "vm error in module " .. tostring(ok3) .. " " .. err3
return table.concat(out, "\n")
