-- Semicolons as statement separators. LuaJIT 2.1 (without 5.2 compat)
-- follows Lua 5.1 here: at most one ';' after a statement, no empty
-- statements (";;" or "do ; end" are syntax errors), so none appear below.
local out = {};
local a = 1; local b = 2; local c = a + b;
out[#out + 1] = "c=" .. c;
do end;
for i = 1, 2 do out[#out + 1] = "i=" .. i; end;
local t = { 1; 2, 3; x = 4; }; out[#out + 1] = "t " .. #t .. " " .. t.x;
if c == 3 then out[#out + 1] = "if"; elseif c then else end;
while false do end; repeat until true;
local function f() return 1; end; out[#out + 1] = "f " .. f();
local function g() return; end; out[#out + 1] = "g " .. select("#", g());
local function h() do return 5; end; end; out[#out + 1] = "h " .. h();
local k = 0 for i = 1, 3 do k = k + i end out[#out + 1] = "k " .. k
local s = 'x' local u = "y" out[#out + 1] = s .. u
-- a call statement that starts with a parenthesis after a semicolon
local called = {};
(function() called[1] = "iife" end)();
out[#out + 1] = called[1];
local fn = function(x) called[2] = x; return x end;
(fn)("paren call");
out[#out + 1] = called[2];
local t2 = {} t2.x = 1; t2.y = 2 out[#out + 1] = "t2 " .. t2.x + t2.y;
return table.concat(out, "\n");
