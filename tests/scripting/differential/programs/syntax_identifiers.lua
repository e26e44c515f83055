-- Identifiers: non-ASCII (UTF-8) bytes, names that start or end with a
-- keyword, names that differ from keywords only by case.
local out = {}
local café = 1
local ä = 2
local aäa = 3
local äöü·€晶 = 4
local naïve_λ = café + ä
out[#out + 1] = "utf8 " .. café .. ä .. aäa .. äöü·€晶 .. naïve_λ
out[#out + 1] = "lengths " .. #"ä" .. " " .. #"aäa" .. " " .. #"äöü·€晶"
local t = { café = "field", ["café"] = "same field" }
out[#out + 1] = "t.café " .. t.café

-- names ending in keywords (an instrumenter that looks for "do", "end",
-- "function", "repeat", "then" ... by substring would trip here)
local ado = 1
local xfunction = 2
local xend = 3
local xrepeat = 4
local undo = 5
local athen = 6
local blocal = 7
local awhile = 8
local xuntil = 9
local xreturn = 10
local xgoto = 11
local xbreak = 12
local xelse, xelseif, xif, xfor, xin = 13, 14, 15, 16, 17
local xnil, xtrue, xfalse, xnot, xand, xor = 18, 19, 20, 21, 22, 23
out[#out + 1] = "suffix " .. table.concat({ ado, xfunction, xend, xrepeat, undo,
  athen, blocal, awhile, xuntil, xreturn, xgoto, xbreak, xelse, xelseif, xif,
  xfor, xin, xnil, xtrue, xfalse, xnot, xand, xor }, ",")

-- names starting with keywords
local done, ending, functional, repeated, iffy, format_, notable = 1, 2, 3, 4, 5, 6, 7
local endx, dox, thenx, untilx, localx, returnx, breakx = 8, 9, 10, 11, 12, 13, 14
out[#out + 1] = "prefix " .. table.concat({ done, ending, functional, repeated,
  iffy, format_, notable, endx, dox, thenx, untilx, localx, returnx, breakx }, ",")

-- case variants of keywords are plain names
local End, DO, Function, NIL, True = "End", "DO", "Function", "NIL", "True"
out[#out + 1] = "case " .. End .. DO .. Function .. NIL .. True

-- keyword-like names as fields and methods
local obj = { ["end"] = 1, ["do"] = 2 }
function obj.xdo(self) return "xdo" end
function obj:xend() return "xend " .. self["end"] end
obj.enddo = function() return "enddo" end
out[#out + 1] = obj:xdo() .. " " .. obj:xend() .. " " .. obj.enddo() .. " " .. obj["do"]

-- a loop whose variable ends in "do", with a body that mentions "end" in names
for ido = 1, 2 do local xend2 = ido; out[#out + 1] = "ido " .. xend2 end
local function xrepeat_until(n) local r = 0 repeat r = r + 1 until r >= n return r end
out[#out + 1] = "repeat_until " .. xrepeat_until(3)

-- underscores and digits
local _ = "underscore"
local __ = "double"
local _1a2b3 = "mixed"
out[#out + 1] = _ .. " " .. __ .. " " .. _1a2b3
return table.concat(out, "\n")
