#include "vm/lua_errors.h"

#include "scripting/script_errors.h"
#include "vm/lua_vm.h"

#include <lua.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace scripting {

namespace {
constexpr char kSeparator = '\x1f'; // between the parts of the handler's string

// "file:123: text" -> file and line, if the message starts with a position.
bool leadingPosition(const std::string& message, std::string* file, int* line) {
    for (size_t colon = message.find(':'); colon != std::string::npos && colon < 512;
         colon = message.find(':', colon + 1)) {
        size_t end = colon + 1;
        while (end < message.size() && end - colon < 10 && message[end] >= '0' &&
               message[end] <= '9')
            ++end;
        if (end > colon + 1 && end + 1 < message.size() && message[end] == ':' &&
            message[end + 1] == ' ') {
            *file = message.substr(0, colon);
            *line = std::atoi(message.c_str() + colon + 1);
            return true;
        }
    }
    return false;
}
} // namespace

std::string readErrorString(lua_State* L, int index) {
    if (lua_type(L, index) == LUA_TSTRING) {
        size_t length = 0;
        const char* text = lua_tolstring(L, index, &length);
        return boundedMessage(text, length, ScriptErrorLog::kMaxMessageBytes);
    }
    return std::string("(error object is a ") + luaL_typename(L, index) + " value)";
}

int failureHandler(lua_State* L) {
    LuaVm::Uncapped uncapped(LuaVm::of(L));
    const std::string message = readErrorString(L, 1);
    std::string claimedFile, file;
    int claimedLine = 0, line = 0;
    const bool claims = leadingPosition(message, &claimedFile, &claimedLine);
    bool claimConfirmed = false;
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); ++level) {
        if (!lua_getinfo(L, "Sl", &ar) || !ar.source || ar.source[0] != '@' || ar.currentline <= 0)
            continue;
        if (file.empty()) {
            file = ar.short_src;
            line = ar.currentline;
        }
        if (claims && claimedLine == ar.currentline && claimedFile == ar.short_src) {
            claimConfirmed = true;
            break;
        }
    }
    // No script frame at all: the error was raised by trusted code on a script's behalf (a syntax
    // error, a contract error), and its message names the position.
    if (claimConfirmed || (claims && file.empty())) {
        file = claimedFile;
        line = claimedLine;
    }
    luaL_traceback(L, L, nullptr, 1);
    size_t tracebackLength = 0;
    const char* traceback = lua_tolstring(L, -1, &tracebackLength);
    std::string out = file;
    out += kSeparator;
    out += std::to_string(line);
    out += kSeparator;
    out += message;
    out += kSeparator;
    out += boundedMessage(traceback, tracebackLength, ScriptErrorLog::kMaxTracebackBytes);
    lua_pop(L, 1);
    lua_pushlstring(L, out.data(), out.size());
    return 1;
}

LuaFailure readFailure(lua_State* L, int index, int status) {
    LuaFailure f;
    if (status == LUA_ERRMEM) {
        f.outOfMemory = true;
        f.message = "not enough memory";
        return f;
    }
    if (lua_type(L, index) != LUA_TSTRING) {
        f.message = readErrorString(L, index);
        return f;
    }
    size_t length = 0;
    const char* raw = lua_tolstring(L, index, &length);
    const std::string text(raw, length); // failureHandler bounded each part
    const size_t a = text.find(kSeparator);
    const size_t b = a == std::string::npos ? a : text.find(kSeparator, a + 1);
    const size_t c = b == std::string::npos ? b : text.find(kSeparator, b + 1);
    if (c == std::string::npos) { // not from failureHandler (e.g. "error in error handling")
        f.message = boundedMessage(raw, length, ScriptErrorLog::kMaxMessageBytes);
        leadingPosition(text, &f.file, &f.line);
        return f;
    }
    f.file = text.substr(0, a);
    f.line = std::atoi(text.c_str() + a + 1);
    f.message = text.substr(b + 1, c - b - 1);
    f.traceback = text.substr(c + 1);
    return f;
}

} // namespace scripting
