-- string.find and string.match with init (positive, negative, zero, past
-- the end) and the plain flag, including plain finds of magic characters.
local out = {}
local function show(...)
  local r = {}
  for i = 1, select("#", ...) do r[i] = tostring((select(i, ...))) end
  return "(" .. table.concat(r, ",") .. ")"
end
local s = "hello world, hello lua"
for _, init in ipairs({ 1, 2, 7, 14, 22, 23, 24, 100, 0, -1, -3, -10, -22, -23, -100 }) do
  out[#out + 1] = "init " .. init .. " find " .. show(string.find(s, "hello", init))
    .. " o " .. show(string.find(s, "o", init)) .. " empty " .. show(string.find(s, "", init))
    .. " match " .. show(string.match(s, "%a+", init))
end
out[#out + 1] = "init float " .. show(string.find(s, "l", 3.7)) .. " string init " .. show(string.find(s, "l", "5"))
local specials = "a.b*c+d?e[f]g(h)i%j^k$l-m"
for _, p in ipairs({ ".", "*", "+", "?", "[", "]", "(", ")", "%", "^", "$", "-", "b*c", "[f]", "(h)", "%j", "^k$", "a.b" }) do
  out[#out + 1] = "plain '" .. p .. "' " .. show(string.find(specials, p, 1, true))
end
out[#out + 1] = "plain with init " .. show(string.find(specials, ".", 3, true)) .. " " .. show(string.find(specials, "%", -5, true))
out[#out + 1] = "plain empty " .. show(string.find(specials, "", 5, true)) .. " " .. show(string.find("", "", 1, true)) .. " " .. show(string.find("", "", 2, true))
out[#out + 1] = "plain nil flag " .. show(string.find("a.b", ".", 1, nil)) .. " plain false " .. show(string.find("a.b", ".", 1, false))
out[#out + 1] = "plain truthy " .. show(string.find("a.b", ".", 1, 0)) .. " " .. show(string.find("a.b", ".", 1, "yes"))
out[#out + 1] = "nul plain " .. show(string.find("a\0b\0c", "\0c", 1, true)) .. " nul pattern-free " .. show(string.find("a\0b", "b"))
out[#out + 1] = "method find " .. show(("x+y"):find("+", 1, true)) .. " " .. show(("x+y"):find("%+"))
out[#out + 1] = "number subject " .. show(string.find(12345, 34)) .. " " .. show(string.find(1e15, "e"))
local ok, err = pcall(string.find, "abc", "b", "x")
out[#out + 1] = "bad init " .. tostring(ok) .. " " .. err
local ok2, err2 = pcall(string.find, nil, "b")
out[#out + 1] = "nil subject " .. tostring(ok2) .. " " .. err2
local ok3, err3 = pcall(string.find, "abc")
out[#out + 1] = "no pattern " .. tostring(ok3) .. " " .. err3
local ok4, err4 = pcall(function() return ("abc"):find({}) end)
out[#out + 1] = "table pattern " .. tostring(ok4) .. " " .. err4
return table.concat(out, "\n")
