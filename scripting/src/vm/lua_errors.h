#pragma once
// How the host reads an error from Lua: one reader for every call site.
//
// - Only strings are read; another error value is described by its type ("(error object is a
//   table value)"), because converting it could run one of the script's metamethods.
// - Messages and tracebacks are bounded as ScriptErrorLog keeps them, so a script raising
//   megabyte messages cannot grow the error log, stderr or the console.
// - The position (file and line) comes from the Lua stack when the error happened: the innermost
//   script frame, or the position the message names if a frame on the stack is really there
//   (error(msg, 2) points at the caller), or the one the message names when no script frame is on
//   the stack (syntax and contract errors, raised by trusted code). A script cannot file its error
//   under another script by writing "enemies/other.lua:7:" into its message.
#include <string>

struct lua_State;

namespace scripting {

/// What a failed protected call left behind, read by the host.
struct LuaFailure {
    std::string message; // the error message (bounded)
    std::string file;    // chunk name of the script frame it happened in ("" if none)
    int line = 0;
    std::string traceback; // Lua's stack traceback (bounded; empty for out-of-memory errors)
    bool outOfMemory = false;
};

/// Message handler for lua_pcall: replaces the error value with a string the host parses with
/// readFailure. Runs without the memory cap (LuaJIT does not call it for memory errors).
int failureHandler(lua_State* L);

/// Reads (and does not pop) the error value a protected call left at `index`, given its status.
LuaFailure readFailure(lua_State* L, int index, int status);

/// The value at `index` as the host may show it: a bounded string, or "(a table value)" etc.
std::string readErrorString(lua_State* L, int index);

} // namespace scripting
