// The instrumenter against LuaJIT itself: each case is compiled and run twice in a plain state,
// as written and as instrumented (with the check defined as a global that counts its calls), and
// both runs must give the same result; then the checks must actually run, and stop what loops.
#include "sandbox/instrumenter.h"

#include <gtest/gtest.h>
#include <lua.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using namespace scripting;

namespace {

struct Budget {
    long calls = 0;
    long limit = 0;
};

int budgetCheck(lua_State* L) {
    auto* budget = static_cast<Budget*>(lua_touserdata(L, lua_upvalueindex(1)));
    if (++budget->calls > budget->limit)
        return luaL_error(L, "budget exhausted");
    return 0;
}

// The backstop for a check that is missing: hooks do run while the JIT is off.
void backstop(lua_State* L, lua_Debug*) {
    luaL_error(L, "backstop: instruction limit");
}

std::string describe(lua_State* L, int index, int depth = 0) {
    if (index < 0)
        index = lua_gettop(L) + index + 1;
    switch (lua_type(L, index)) {
    case LUA_TNIL: return "nil";
    case LUA_TBOOLEAN: return lua_toboolean(L, index) ? "true" : "false";
    case LUA_TNUMBER: {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", lua_tonumber(L, index));
        return buf;
    }
    case LUA_TSTRING: {
        size_t n = 0;
        const char* s = lua_tolstring(L, index, &n);
        std::string out = "\"";
        for (size_t i = 0; i < n; ++i) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
                out += char(c);
            } else {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\%u", c);
                out += buf;
            }
        }
        return out + "\"";
    }
    case LUA_TTABLE: {
        if (depth >= 3)
            return "{...}";
        std::vector<std::string> items;
        lua_pushnil(L);
        while (lua_next(L, index)) {
            items.push_back(describe(L, -2, depth + 1) + "=" + describe(L, -1, depth + 1));
            lua_pop(L, 1);
        }
        std::sort(items.begin(), items.end());
        std::string out = "{";
        for (const std::string& item : items)
            out += item + ",";
        return out + "}";
    }
    default: return lua_typename(L, lua_type(L, index));
    }
}

struct RunResult {
    bool compiled = false;
    std::string result; // described return values, or "error: ...", or "syntax: ..."
    long checks = 0;
};

// Runs `text` in a fresh state where `globalName` is the check, which raises after `limit` calls.
RunResult run(const std::string& text, const std::string& globalName, long limit = 10'000'000,
              bool jit = false) {
    lua_State* L = luaL_newstate();
    luaL_openlibs(L);
    if (!jit) {
        luaJIT_setmode(L, 0, LUAJIT_MODE_ENGINE | LUAJIT_MODE_OFF);
        lua_sethook(L, backstop, LUA_MASKCOUNT, 100'000'000);
    }
    Budget budget{0, limit};
    lua_pushlightuserdata(L, &budget);
    lua_pushcclosure(L, budgetCheck, 1);
    lua_setglobal(L, globalName.c_str());
    RunResult r;
    if (luaL_loadbuffer(L, text.data(), text.size(), "=chunk") != 0) {
        r.result = std::string("syntax: ") + lua_tostring(L, -1);
    } else {
        r.compiled = true;
        if (lua_pcall(L, 0, LUA_MULTRET, 0) != 0) {
            r.result = "error: " + describe(L, -1);
        } else {
            for (int i = 1; i <= lua_gettop(L); ++i)
                r.result += (i > 1 ? ", " : "") + describe(L, i);
        }
    }
    lua_close(L);
    r.checks = budget.calls;
    return r;
}

InstrumentedChunk instrument(const std::string& source) {
    InstrumentedChunk out;
    std::string error;
    EXPECT_TRUE(instrumentChunk(source, &out, &error)) << error << "\n" << source.substr(0, 300);
    return out;
}

// Same result as written and as instrumented; returns the checks the instrumented run made.
long expectSame(const std::string& source, const std::string& expected = "") {
    const InstrumentedChunk chunk = instrument(source);
    const RunResult raw = run(source, chunk.globalName);
    const RunResult inst = run(chunk.text, chunk.globalName);
    EXPECT_TRUE(raw.compiled) << raw.result;
    EXPECT_TRUE(inst.compiled) << inst.result << "\n" << chunk.text.substr(0, 300);
    EXPECT_EQ(raw.result, inst.result) << chunk.text.substr(0, 300);
    if (!expected.empty()) {
        EXPECT_EQ(inst.result, expected);
    }
    return inst.checks;
}

// The instrumented source, stopped by its checks after 5000 of them. The JIT is off so that the
// backstop hook fails the test if a check is missing (see also CompiledLoopsStop).
void expectStopped(const std::string& source) {
    const InstrumentedChunk chunk = instrument(source);
    const RunResult inst = run(chunk.text, chunk.globalName, 5000);
    EXPECT_NE(inst.result.find("budget exhausted"), std::string::npos)
        << source << " -> " << inst.result;
    EXPECT_EQ(inst.checks, 5001) << source;
}

// Both LuaJIT and the instrumenter refuse it.
void expectRefused(const std::string& source) {
    InstrumentedChunk out;
    std::string error;
    EXPECT_FALSE(instrumentChunk(source, &out, &error)) << source << "\n-> " << out.text;
    const RunResult raw = run(source, "__sb_g");
    EXPECT_FALSE(raw.compiled) << source;
    EXPECT_EQ(error.rfind("line ", 0), 0u) << error;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

} // namespace

TEST(Instrumenter, ChecksEveryLoopIterationAndCall) {
    EXPECT_GE(expectSame("local n = 0 for i = 1, 10 do n = n + i end return n", "55"), 10);
    EXPECT_GE(expectSame("local n = 0 for _, v in ipairs({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) do n = n "
                         "+ v end return n",
                         "55"),
              10);
    EXPECT_GE(expectSame("local i = 0 while i < 10 do i = i + 1 end return i", "10"), 10);
    EXPECT_GE(expectSame("local i = 0 repeat i = i + 1 until i == 10 return i", "10"), 10);
    EXPECT_GE(
        expectSame(
            "local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(10)",
            "10"),
        10);
    EXPECT_GE(
        expectSame("local i = 0 ::top:: i = i + 1 if i < 10 then goto top end return i", "10"), 9);
}

TEST(Instrumenter, StopsEndlessCode) {
    expectStopped("while true do end");
    expectStopped("for i = 1, math.huge do end");
    expectStopped("for _ in function() return 1 end do end");
    expectStopped("repeat until false");
    expectStopped("::a:: goto a");
    expectStopped("do ::a:: local x = 1 goto a end");
    expectStopped("local function f(n) return f(n + 1) end return f(1)");
    expectStopped(
        "local t = setmetatable({}, {__index = function(t, k) return t[k + 1] end}) return t[1]");
}

// With the JIT on, loops run as compiled traces, which no hook interrupts: only the checks can.
// In a child process, so that a missing check fails the test by the alarm instead of hanging it.
TEST(Instrumenter, CompiledLoopsStop) {
    for (const char* source :
         {"local n = 0 while true do n = n + 1 end", "for i = 1, math.huge do end",
          "local i = 0 repeat i = i + 1 until false", "local i = 0 ::a:: i = i + 1 goto a",
          "local function f(n) return f(n + 1) end return f(1)"}) {
        const InstrumentedChunk chunk = instrument(source);
        EXPECT_EXIT(
            {
                alarm(20);
                const RunResult inst = run(chunk.text, chunk.globalName, 200'000, true);
                const bool stopped = inst.result.find("budget exhausted") != std::string::npos;
                std::_Exit(stopped && inst.checks == 200'001 ? 0 : 1);
            },
            testing::ExitedWithCode(0), "")
            << source;
    }
}

TEST(Instrumenter, LineBreaksOfEveryKind) {
    // A comment ends at CR as well as LF: a CR-only file is code, not one long comment.
    for (const char* nl : {"\r", "\n", "\r\n", "\n\r"}) {
        const std::string eol = nl;
        const std::string src = "-- sum" + eol + "local n = 0 -- start" + eol +
                                "for i = 1, 10 do -- body" + eol + "  n = n + i" + eol + "end" +
                                eol + "assert(n == 55)" + eol + "error('line 7')";
        EXPECT_GE(expectSame(src, "error: \"chunk:7: line 7\""), 10) << int(nl[0]);
        expectStopped("-- comment" + eol + "while true do end");
    }
}

TEST(Instrumenter, StringsThatSpanLines) {
    EXPECT_GE(
        expectSame("local s = 'a\\z\n\r   b' for i = 1, 3 do s = s .. i end return s", "\"ab123\""),
        3);
    EXPECT_GE(expectSame("local s = 'a\\\r\nb' for i = 1, 3 do end\nerror(s)",
                         "error: \"chunk:3: a\\10b\""),
              3);
    EXPECT_GE(expectSame("local s = [==[\r\nx]]\n]=]do]==] for i = 1, 3 do end return s, #s",
                         "\"x]]\\10]=]do\", 9"),
              3);
    EXPECT_GE(expectSame("--[==[ while true do end ]] ]==] for i = 1, 3 do end return 1", "1"), 3);
    EXPECT_GE(expectSame("-- x --[==[\nfor i = 1, 3 do end return 2", "2"),
              3); // a short comment after all
    EXPECT_GE(expectSame("local s = \"\\u{48}\\x49\\074\\\"do\" for i = 1, 3 do end return s",
                         "\"HIJ\\34do\""),
              3);
}

TEST(Instrumenter, NonAsciiNamesAreWholeNames) {
    EXPECT_GE(expectSame("local caf\xC3\xA9"
                         "do = 1 for i = 1, 3 do caf\xC3\xA9"
                         "do = caf\xC3\xA9"
                         "do + i end return caf\xC3\xA9"
                         "do",
                         "7"),
              3);
    EXPECT_GE(expectSame("local x\xC3\xA9"
                         "function = function() return 5 end return x\xC3\xA9"
                         "function()",
                         "5"),
              1);
    EXPECT_GE(expectSame("local \xC3\xA9repeat, \xE2\x82\xACwhile = 1, 2 return \xC3\xA9repeat + "
                         "\xE2\x82\xACwhile",
                         "3"),
              0);
}

TEST(Instrumenter, Labels) {
    // A comment inside a label; a loop by goto through it.
    EXPECT_GE(
        expectSame(
            "local i = 0 :: --[[c]] again :: i = i + 1 if i < 10 then goto again end return i",
            "10"),
        9);
    // `continue` at the end of a loop body, after a local: it must stay at the end of the block.
    EXPECT_GE(expectSame("local n = 0\n"
                         "for i = 1, 10 do\n"
                         "  if i % 2 == 0 then goto continue end\n"
                         "  local odd = i\n"
                         "  n = n + odd\n"
                         "  ::continue::\n"
                         "end\n"
                         "return n",
                         "25"),
              10);
    // Labels before `until` are inside the scope of the body's locals; the condition sees them.
    EXPECT_GE(expectSame("local i = 0 repeat local j = i + 1 i = j ::skip:: until j >= 10 return i",
                         "10"),
              10);
    expectRefused("repeat if x then goto l end local j = 1 ::l:: until j");
    EXPECT_GE(
        expectSame("local n = 0 while n < 5 do n = n + 1 goto next ::next:: end return n", "5"), 5);
    EXPECT_GE(expectSame("::a:: ::b:: do goto c end ::c:: return 1", "1"), 1);
}

TEST(Instrumenter, GotoIsANameUnlessAGotoStatement) {
    EXPECT_EQ(expectSame("goto = 1 return goto", "1"), 0);
    EXPECT_EQ(expectSame("local goto = 2 x = goto\ny = 3 return x + y", "5"), 0);
    EXPECT_EQ(expectSame("local t = {goto = 1} t.goto = t.goto + 1 return t.goto", "2"), 0);
    EXPECT_EQ(expectSame("goto = function(x) return x end return goto(4)", "4"), 1);
    // A `goto` statement needs a name after it: this is a call of the variable `goto`, even across
    // a line break (LuaJIT's look-ahead moves the line it compares against).
    EXPECT_EQ(expectSame("goto = function(x) r = x end goto\n(6) return r", "6"), 1);
    EXPECT_EQ(expectSame("local function f(goto) return goto end return f(7)", "7"), 1);
    expectRefused("f = print f\n(6)");
    expectRefused("goto goto");
    EXPECT_EQ(expectSame("local t = { tostring\n(1) } return #t", "1"),
              0); // LuaJIT's look-ahead quirk again
}

TEST(Instrumenter, Functions) {
    EXPECT_GE(
        expectSame("local a = {b = {}} function a.b:c(x) return self == a.b, x end return a.b:c(3)",
                   "true, 3"),
        1);
    EXPECT_GE(expectSame("function g(...) return select('#', ...), ... end return g(1, nil, 3)",
                         "3, 1, nil, 3"),
              1);
    EXPECT_GE(
        expectSame("local f = function(a, ...) local t = {...} return a + #t end return f(1, 2, 3)",
                   "3"),
        1);
    EXPECT_GE(expectSame("return select('#', ...)", "0"), 0);
    // Functions in a loop condition run their checks each time the condition is evaluated.
    EXPECT_GE(
        expectSame("local i = 0 while (function() return i < 10 end)() do i = i + 1 end return i",
                   "10"),
        21);
    EXPECT_GE(
        expectSame("local i = 0 repeat i = i + 1 until (function() return i >= 10 end)() return i",
                   "10"),
        20);
    expectRefused("function f() return ... end");
    expectRefused("local function f(a, ..., b) end");
}

TEST(Instrumenter, Numbers) {
    EXPECT_EQ(
        expectSame("return 0x1p-3, 1e+5, tostring(3ULL), tostring(1i), .5, 0x.8p1, 0xA, 1E2, 2^-2",
                   "0.125, 100000, \"3ULL\", \"0+1i\", 0.5, 1, 10, 100, 0.25"),
        0);
    EXPECT_GE(expectSame("local x = 0 for i = 0x1, 0x3 do x = x + 1e0 end return x", "3"), 3);
}

TEST(Instrumenter, BomAndHashLine) {
    const std::string body = "local n = 0\nfor i = 1, 10 do n = n + i end\nerror('at 3: ' .. n)";
    for (const std::string& head :
         {std::string("\xEF\xBB\xBF"), std::string("#!/usr/bin/env luajit\n"),
          std::string("\xEF\xBB\xBF#!/usr/bin/env luajit\r\n"), std::string("#\n")}) {
        const bool hash = head.find('#') != std::string::npos;
        const std::string src = head + (hash ? "" : "\n") + body;
        EXPECT_GE(expectSame(src, "error: \"chunk:4: at 3: 55\""), 10) << head;
        const InstrumentedChunk chunk = instrument(src);
        EXPECT_EQ(chunk.text.rfind("local " + chunk.localName + "=", 0), 0u) << chunk.text;
    }
    EXPECT_EQ(expectSame("#!only a header"), 0);
    // A second BOM is part of a name.
    EXPECT_EQ(expectSame("\xEF\xBB\xBF\xEF\xBB\xBFx = 1 return \xEF\xBB\xBFx", "1"), 0);
}

TEST(Instrumenter, PlainBlocksAreNotChecked) {
    std::string src = "local n = 0 for i = 1, 2 do ";
    for (int i = 0; i < 5000; ++i)
        src += "do n = n + 1 end ";
    src += "end return n";
    EXPECT_EQ(instrument(src).checks, 1);
    EXPECT_GE(expectSame(src, "10000"), 2);
}

TEST(Instrumenter, OurNamesAvoidTheSource) {
    const std::string src =
        "local __sb_c, __sb_g, __sb_c1 = 1, 2, 3 for i = 1, 3 do __sb_c = __sb_c + __sb_g end "
        "return __sb_c, __sb_c1";
    const InstrumentedChunk chunk = instrument(src);
    EXPECT_EQ(chunk.localName, "__sb_c2");
    EXPECT_EQ(chunk.globalName, "__sb_g1");
    EXPECT_GE(expectSame(src, "7, 3"), 3);
    // Names in strings and fields are no names of variables, but are avoided all the same.
    EXPECT_EQ(instrument("local t = {} t.__sb_c = '__sb_g' while false do end").localName,
              "__sb_c1");
}

// LuaJIT allows 60 upvalues per function and the check adds one: a function that has them all
// reads the global instead, and so do the functions inside it.
TEST(Instrumenter, UpvalueLimit) {
    auto closureWith = [](int upvalues, const std::string& inner) {
        std::string src = "local ";
        for (int i = 0; i < upvalues; ++i)
            src += (i ? ", v" : "v") + std::to_string(i);
        src += " = 1" + repeat(", 1", upvalues - 1) + "\nlocal f = function() local s = 0 ";
        for (int i = 0; i < upvalues; ++i)
            src += "s = s + v" + std::to_string(i) + " ";
        src += inner + " return s end\nreturn f()";
        return src;
    };
    const std::string with59 = closureWith(59, "");
    EXPECT_EQ(instrument(with59).globalChecks, 0);
    EXPECT_GE(expectSame(with59, "59"), 1);

    const std::string with60 = closureWith(60, "");
    EXPECT_EQ(instrument(with60).globalChecks, 1);
    EXPECT_GE(expectSame(with60, "60"), 1);

    // The nested function would need the 60-upvalue function to pass the check through.
    const std::string nested = closureWith(60, "local g = function() return 1 end s = s + g()");
    EXPECT_EQ(instrument(nested).globalChecks, 2);
    EXPECT_GE(expectSame(nested, "61"), 2);

    // Upvalues only passed through count: the outer function has 60 because of the inner one.
    std::string through = "local ";
    for (int i = 0; i < 60; ++i)
        through += (i ? ", v" : "v") + std::to_string(i);
    through += " = 1" + repeat(", 1", 59) + "\nlocal f = function() return function() return v0";
    for (int i = 1; i < 60; ++i)
        through += " + v" + std::to_string(i);
    through += " end end\nreturn f()()";
    EXPECT_EQ(instrument(through).globalChecks, 2);
    EXPECT_GE(expectSame(through, "60"), 2);
    expectRefused(closureWith(61, ""));
}

// The main chunk's local for the check only goes where LuaJIT has room for it.
TEST(Instrumenter, MainChunkLimits) {
    std::string many = "local ";
    for (int i = 0; i < 190; ++i)
        many += (i ? ", v" : "v") + std::to_string(i);
    many += " = 1 for i = 1, 3 do v0 = v0 + i end return v0"; // 194 locals with the loop's
    const InstrumentedChunk chunk = instrument(many);
    EXPECT_EQ(chunk.localName, "");
    EXPECT_EQ(chunk.globalChecks, chunk.checks);
    EXPECT_GE(expectSame(many, "7"), 3);
    expectRefused(many + " local a, b, c, d, e, f, g, h, i, j, k");

    // select and 247 arguments take 249 of LuaJIT's 250 registers: no room for one more local.
    const std::string wide =
        "local n = select('#', 1" + repeat(", 1", 245) + ") for i = 1, 3 do end return n";
    EXPECT_GE(expectSame(wide, "246"), 3);
    const std::string concat =
        "local s = 'a'" + repeat(" .. 'a'", 150) + " while false do end return #s";
    EXPECT_EQ(expectSame(concat, "151"), 0);
}

TEST(Instrumenter, RefusesWhatLuaJitRefuses) {
    for (const char* bad : {
             ";",                                   // no empty statements outside Lua 5.2 mode
             "do ; end",                            //
             "x = 1;;",                             //
             "while true do break x = 1 end",       // break must end its block
             "return 1 x = 2",                      //
             "(a) = 1",                             // not a variable
             "(f())",                               // not a call statement
             "f() = 1",                             //
             "a.b",                                 //
             "goto nowhere",                        //
             "do ::a:: end goto a",                 //
             "::a:: ::a::",                         //
             "goto l local x ::l:: print(x)",       // into the scope of x
             "goto l local x ::l:: ;",              // a ';' after the label: not at the end
             "break",                               //
             "function f() break end",              //
             "local function f() goto l end ::l::", // labels do not cross functions
             "x = = 1",                             //
             "for i = 1 do end",                    //
             "for a, b = 1, 2 do end",              //
             "local t = {1 2}",                     //
             "f{} = 1",                             //
             "x = 1 ~ 2",                           //
             "x = a.goto.b.",                       //
             "local 1 = 2",                         //
             "if x then else elseif y then end",    //
             "x = 'unfinished",                     //
             "x = [==[ unfinished ]=]",             //
             "--[[ unfinished",                     //
             "x = '\\q'",                           //
             "x = 1 @",                             //
             "x = 3..2",                            // malformed numbers
             "x = 0x",                              //
             "x = 3U",                              //
             "x = 0b12",                            //
             "\x1bLuaJIT",                          //
             "#!x\n\x1b",                           //
         }) {
        expectRefused(bad);
    }
    expectRefused(std::string("x = 1\0", 6));
}

TEST(Instrumenter, AcceptsWhatLuaJitAccepts) {
    for (const char* good : {
             "goto l local x ::l::",              // a label at the end is outside x's scope
             "do goto l local x ::l:: ::m:: end", //
             "::a:: do ::a:: end",                // inner blocks may reuse a label name
             "do ::a:: end ::a::",                //
             "for i = 1, 2 do break end",         //
             "while false do do break end end",   //
             "repeat local x = 1 until function() return x end",  //
             "return",                                            //
             "return;",                                           //
             "x = #{} - -1 ^ - 2 .. 'a' .. 'b'",                  //
             "local t = {[1] = 2; 3, x = 4,}",                    //
             "f = function(...) local a, b = ... end",            //
             "a = {} a.b = {} a.b.c = function() end a.b.c()",    //
             "local a, b, c = (function() return 1, 2, 3 end)()", //
             "x = not nil == true",                               //
             "",                                                  //
             "\n\n",                                              //
             "-- only a comment",                                 //
         }) {
        const InstrumentedChunk chunk = instrument(good);
        const RunResult raw = run(good, chunk.globalName);
        const RunResult inst = run(chunk.text, chunk.globalName);
        EXPECT_EQ(raw.result, inst.result) << good;
        EXPECT_TRUE(inst.compiled) << good << " -> " << chunk.text;
    }
}

TEST(Instrumenter, NestingLimit) {
    expectRefused("x = " + repeat("(", 300) + "1" + repeat(")", 300));
    expectRefused("x = " + repeat("(", 100000) + "1" +
                  repeat(")", 100000)); // no stack overflow here
    expectRefused(repeat("do ", 100000) + repeat("end ", 100000));
    expectRefused("x = " + repeat("- ", 100000) + "1");
    expectRefused("x = " + repeat("{", 100000));
    std::string labels; // consecutive labels are parsed by recursion
    for (int i = 0; i < 300; ++i)
        labels += "::a" + std::to_string(i) + ":: ";
    expectRefused(labels);
    // Within the limit.
    EXPECT_GE(expectSame(
                  "return " + repeat("(function() return ", 50) + "1" + repeat(" end)()", 50), "1"),
              50);
    EXPECT_GE(expectSame(repeat("do ", 190) + "x = 1" + repeat(" end", 190) + " return x", "1"), 0);
}

TEST(Instrumenter, LargeInput) {
    // One line of 1.2 MB and a 10 MB script, read in linear time (no timing asserted here). Both
    // stay inside LuaJIT's limits per function: 65535 constants, 65476 variables declared.
    std::string line = "local t = {} local function add(f) t[#t + 1] = f end ";
    int loops = 0;
    while (line.size() < 1'200'000) {
        line += "i = 0 while i < 2 do i = i + 1 end add(function(a) return a end) ";
        ++loops;
    }
    line += "return #t";
    const InstrumentedChunk one = instrument(line);
    EXPECT_EQ(one.checks, 2 * loops + 1);
    EXPECT_EQ(one.globalChecks, 0);
    EXPECT_GE(expectSame(line, std::to_string(loops)), 3 * loops);

    std::string big;
    int groups = 0;
    while (big.size() < 10'000'000) {
        big += "group" + std::to_string(groups++) + " = function()\n";
        for (int i = 0; i < 500; ++i)
            big += "function f(x) local t = {1, 2, 'a', {x = 1}} local y = x * 2 while y > 0 do y "
                   "= y - 1 end "
                   "return t end if f(1) then g = 1 end\n";
        big += "end\n";
    }
    const InstrumentedChunk ten = instrument(big);
    EXPECT_EQ(ten.checks, groups * 1001);
    EXPECT_EQ(ten.globalChecks, 0);
    lua_State* L = luaL_newstate();
    EXPECT_EQ(luaL_loadbuffer(L, big.data(), big.size(), "=big"), 0) << lua_tostring(L, -1);
    EXPECT_EQ(luaL_loadbuffer(L, ten.text.data(), ten.text.size(), "=big"), 0)
        << lua_tostring(L, -1);
    lua_close(L);
}

TEST(Instrumenter, RandomInputNeverCrashes) {
    // Mutations of valid code and raw noise: false, or text LuaJIT compiles whenever the input
    // compiles.
    const std::vector<std::string> seeds = {
        "local function f(a, ...) for i = 1, #a do if a[i] then goto c end ::c:: end return ... "
        "end",
        "while x do repeat local y = {a = 1, [2] = 'x', 3} until y.a == 1 end",
        "t = {goto = 1} goto = t.goto ::l:: x = [==[s]==] .. 'a\\z\r\n b' -- c\r",
        "function a.b:c(x) return self, x, 0x1p4, 1e-3, 2LL end",
    };
    const std::string alphabet = "()[]{}.,;:=<>~+-*/%^#'\"\\\r\n\t =[]abdefgilnoprtuwz019x_-";
    std::mt19937 rng(12345);
    int accepted = 0;
    for (int iter = 0; iter < 20000; ++iter) {
        std::string src = seeds[size_t(iter) % seeds.size()];
        const int edits = 1 + int(rng() % 6);
        for (int e = 0; e < edits; ++e) {
            const size_t pos = src.empty() ? 0 : rng() % (src.size() + 1);
            switch (rng() % 4) {
            case 0: src.insert(pos, 1, alphabet[rng() % alphabet.size()]); break;
            case 1:
                if (pos < src.size())
                    src.erase(pos, 1 + rng() % 4);
                break;
            case 2: src.insert(pos, 1, char(rng() % 256)); break;
            default:
                if (!src.empty())
                    src.insert(pos, src.substr(rng() % src.size(), 1 + rng() % 8));
                break;
            }
        }
        InstrumentedChunk out;
        std::string error;
        const bool ok = instrumentChunk(src, &out, &error);
        lua_State* L = luaL_newstate();
        luaL_openlibs(L);
        const bool raw = luaL_loadbufferx(L, src.data(), src.size(), "=r", "t") == 0;
        lua_settop(L, 0);
        const bool inst =
            ok && luaL_loadbufferx(L, out.text.data(), out.text.size(), "=i", "t") == 0;
        lua_close(L);
        if (raw) {
            ++accepted;
            ASSERT_TRUE(ok) << error << "\n" << src;
            ASSERT_TRUE(inst) << src << "\n->\n" << out.text;
        } else {
            EXPECT_FALSE(ok && inst) << src;
        }
    }
    EXPECT_GT(accepted, 1000);
}
