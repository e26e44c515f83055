// How the tracer shows values: exact numbers, bounded strings and tables, never script code.
#include <gtest/gtest.h>
#include <lua.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "debug/trace_values.h"

using namespace scripting;

TEST(TraceValues, NumbersReadBackExactly) {
    EXPECT_EQ(formatNumber(300), "300");
    EXPECT_EQ(formatNumber(0.1), "0.1");
    EXPECT_EQ(formatNumber(-2.5), "-2.5");
    EXPECT_EQ(formatNumber(0.1 + 0.2), "0.30000000000000004"); // 14 digits would say 0.3
    EXPECT_EQ(formatNumber(1e300), "1e+300");
    EXPECT_EQ(formatNumber(std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(formatNumber(-INFINITY), "-inf");
    for (double v : {1.0 / 3.0, 123456.789e-10, double(3.3f), 2.0 / 7.0})
        EXPECT_EQ(std::stod(formatNumber(v)), v);
}

namespace {
// A plain state: the formatter only needs the raw API.
struct State {
    lua_State* L = luaL_newstate();
    State() { luaL_openlibs(L); }
    ~State() { lua_close(L); }
    std::string eval(const char* expression) {
        const std::string chunk = std::string("return ") + expression;
        EXPECT_EQ(luaL_dostring(L, chunk.c_str()), 0) << lua_tostring(L, -1);
        const std::string text = formatLuaValue(L, -1, KnownViews{});
        lua_settop(L, 0);
        return text;
    }
};
} // namespace

TEST(TraceValues, StringsAreQuotedEscapedAndCut) {
    State s;
    EXPECT_EQ(s.eval("'plain'"), "\"plain\"");
    EXPECT_EQ(s.eval("'a\"b\\\\c\\n'"), "\"a\\\"b\\\\c\\n\"");
    EXPECT_EQ(s.eval("'\\0\\200'"), "\"\\0\\200\""); // Lua's escapes are decimal
    EXPECT_EQ(s.eval("('x'):rep(60)"), "\"" + std::string(48, 'x') + "\"... (60 bytes)");
}

TEST(TraceValues, TablesAreAShallowBoundedPreview) {
    State s;
    EXPECT_EQ(s.eval("{}"), "{}");
    EXPECT_EQ(s.eval("{ inner = { 1 } }"), "{inner = {...}}");
    EXPECT_EQ(s.eval("{ ['not a name'] = true }"), "{[\"not a name\"] = true}");
    const std::string big = s.eval("{ 1, 2, 3, 4, 5, 6 }");
    EXPECT_EQ(big.substr(big.size() - 6), ", ...}") << big;
    // Metamethods are never called: each would raise.
    EXPECT_EQ(s.eval("setmetatable({}, { __index = error, __pairs = error, __tostring = error })"),
              "{}");
}

TEST(TraceValues, OtherValuesByKind) {
    State s;
    EXPECT_EQ(s.eval("nil"), "nil");
    EXPECT_EQ(s.eval("false"), "false");
    EXPECT_EQ(s.eval("function() end"), "function");
    EXPECT_EQ(s.eval("print"), "builtin function");
    EXPECT_EQ(s.eval("coroutine.create(print)"), "coroutine");
    EXPECT_EQ(s.eval("require('ffi').new('int[1]')"), "cdata"); // never its address
}
