-- Operator precedence and associativity: .. and ^ are right-associative,
-- unary minus binds looser than ^, not binds tighter than ==, and/or
-- precedence, comparison of concatenations, parentheses truncating calls.
local out = {}
local function v(x) return tostring(x) end
out[#out + 1] = "pow " .. v(2 ^ 3 ^ 2) .. " " .. v((2 ^ 3) ^ 2) .. " " .. v(-2 ^ 2) .. " " .. v((-2) ^ 2) .. " " .. v(2 ^ -1)
out[#out + 1] = "arith " .. v(1 + 2 * 3 - 4 / 2) .. " " .. v((1 + 2) * 3) .. " " .. v(7 % 3 * 2) .. " " .. v(-3 % 5) .. " " .. v(- - 3) .. " " .. v(2 * -3)
out[#out + 1] = "concat " .. 1 .. 2 .. 3 .. " " .. v("a" .. "b" == "ab") .. " " .. v(1 + 1 .. "") .. " " .. 2 ^ 2 .. ""
out[#out + 1] = "not " .. v(not nil == true) .. " " .. v(not (1 == 2)) .. " " .. v(not 1 == 2) .. " " .. v(not not 0)
out[#out + 1] = "and/or " .. v(1 and 2 or 3) .. " " .. v(nil and 2 or 3) .. " " .. v(false or nil) .. " " .. v(nil or false) .. " " .. v(1 or 2 and 3) .. " " .. v((1 or 2) and 3) .. " " .. v(false and nil)
out[#out + 1] = "comparison " .. v(1 < 2 == true) .. " " .. v("a" .. "b" < "ac") .. " " .. v(1 + 1 == 2 and 3 > 2)
out[#out + 1] = "length " .. v(#"abc" + 1) .. " " .. v(-#"abc") .. " " .. v(#"a" .. "b") .. " " .. v(2 ^ #"ab")
local function three() return 1, 2, 3 end
out[#out + 1] = "parens " .. select("#", three()) .. " " .. select("#", (three())) .. " " .. select("#", three(), three()) .. " " .. select("#", { three() })
out[#out + 1] = "division " .. v(7 / 2) .. " " .. v(-7 / 2) .. " " .. v(1 / 0) .. " " .. v(-1 / 0) .. " " .. v(0 / 1) .. " " .. v(-0 / 1)
out[#out + 1] = "string arith " .. v("2" ^ "3") .. " " .. v("10" / "4") .. " " .. v("3" % "2") .. " " .. v(-"2")
local t = { x = { y = { z = "deep" } } }
out[#out + 1] = "index chain " .. t.x.y.z .. " " .. t["x"]["y"].z .. " " .. (t).x.y["z"]
return table.concat(out, "\n")
