#include "debug/trace_values.h"

#include <lua.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace scripting {

std::string formatNumber(double value) {
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    // Lua's own 14 digits when they are exact (what print shows), else as many as it takes.
    char text[40];
    for (int digits = 14; digits <= 17; ++digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, value);
        if (std::strtod(text, nullptr) == value)
            break;
    }
    return text;
}

namespace {

std::string quoted(const char* s, size_t length) {
    std::string out = "\"";
    const size_t shown = length < kMaxStringShown ? length : kMaxStringShown;
    for (size_t i = 0; i < shown; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 32 || c >= 127) { // bytes as Lua escapes: the text stays printable ASCII
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\%u", unsigned(c));
            out += escape;
        } else {
            out += char(c);
        }
    }
    out += '"';
    if (shown < length)
        out.append("... (").append(std::to_string(length)).append(" bytes)");
    return out;
}

bool isIdentifier(const char* s, size_t length) {
    if (length == 0 || length > 32)
        return false;
    for (size_t i = 0; i < length; ++i) {
        const char c = s[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

// A value inside a table preview: no nesting, so the preview stays one short line.
std::string formatShallow(lua_State* L, int index, const KnownViews& views) {
    if (lua_type(L, index) == LUA_TTABLE)
        return "{...}";
    return formatLuaValue(L, index, views);
}

std::string formatTable(lua_State* L, int index, const KnownViews& views) {
    // lua_next is raw: a __pairs or __index of the script's is never called. Its order follows
    // addresses, so the entries are sorted: the same table (up to kMaxTableScanned entries)
    // reads the same in every run. A larger one previews the first it meets (still quickly).
    constexpr int kMaxTableScanned = 1024;
    std::vector<std::string> entries;
    bool more = false;
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        if (int(entries.size()) == kMaxTableScanned) {
            more = true;
            lua_pop(L, 2);
            break;
        }
        std::string entry;
        size_t length = 0; // a key is only read as text when it is one (lua_next needs it as is)
        const char* key = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &length) : nullptr;
        if (key && isIdentifier(key, length))
            entry.append(key, length).append(" = ");
        else
            entry.append("[").append(formatShallow(L, lua_gettop(L) - 1, views)).append("] = ");
        entry += formatShallow(L, lua_gettop(L), views);
        entries.push_back(std::move(entry));
        lua_pop(L, 1);
    }
    std::sort(entries.begin(), entries.end());
    std::string out = "{";
    for (size_t i = 0; i < entries.size() && i < size_t(kMaxTableShown); ++i)
        out += (i ? ", " : "") + entries[i];
    more = more || entries.size() > size_t(kMaxTableShown);
    out += more ? ", ...}" : "}";
    return out;
}

} // namespace

std::string formatLuaValue(lua_State* L, int index, const KnownViews& views) {
    if (index < 0 && index > LUA_REGISTRYINDEX)
        index = lua_gettop(L) + index + 1;
    switch (lua_type(L, index)) {
    case LUA_TNIL: return "nil";
    case LUA_TBOOLEAN: return lua_toboolean(L, index) ? "true" : "false";
    case LUA_TNUMBER: return formatNumber(lua_tonumber(L, index));
    case LUA_TSTRING: {
        // lua_tolstring on a string converts nothing (only numbers would be, and they are not).
        size_t length = 0;
        const char* s = lua_tolstring(L, index, &length);
        return quoted(s, length);
    }
    case LUA_TTABLE: return formatTable(L, index, views);
    case LUA_TFUNCTION: return lua_iscfunction(L, index) ? "builtin function" : "function";
    case LUA_TUSERDATA: return "userdata";
    case LUA_TLIGHTUSERDATA: return "userdata";
    case LUA_TTHREAD: return "coroutine";
    default: break;
    }
    // cdata (LuaJIT's type 10): named by identity only; tostring would show an address.
    if (views.self && lua_rawequal(L, index, views.self))
        return "<self>";
    if (views.world && lua_rawequal(L, index, views.world))
        return "<world>";
    if (views.mem && lua_rawequal(L, index, views.mem))
        return "<mem>";
    return "cdata";
}

} // namespace scripting
