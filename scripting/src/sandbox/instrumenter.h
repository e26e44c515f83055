#pragma once
// Source instrumentation: bounds a script's execution without debug hooks, which LuaJIT never runs
// inside compiled traces. A call of a budget check is written into the source at the start of
// every loop body (while, numeric and generic for, repeat), at the start of every function body and
// before every goto statement, so no loop, recursion or goto cycle can run without passing one.
//
// The source is read by a re-implementation of LuaJIT 2.1's own lexer and parser (lj_lex.c,
// lj_parse.c, without LUAJIT_ENABLE_LUA52COMPAT), scope analysis included: a check is only ever
// inserted where LuaJIT reads a statement boundary, and the result compiles whenever the source
// does (limits of LuaJIT's code generator aside: see instrumenter.cpp).
#include <string>
#include <string_view>

namespace scripting {

struct InstrumentedChunk {
    /// Compile this instead of the source: same lines, every token on its original line.
    std::string text;
    /// The check as read through a local of the main chunk (an upvalue everywhere else), set to
    /// globalName by the chunk's first statement; "" if no check reads it (then there is no such
    /// statement).
    std::string localName;
    /// The check as read through a global: the caller defines it in the chunk's environment.
    std::string globalName;
    int checks = 0;       // checks inserted
    int globalChecks = 0; // of which read globalName
};

/// False with *error ("line N: ...") if the source is not LuaJIT source as this parser reads it
/// (syntax, scoping of goto and labels, LuaJIT's limits on locals, upvalues and nesting), so that
/// the caller can refuse it or bound it another way.
bool instrumentChunk(std::string_view source, InstrumentedChunk* out, std::string* error);

} // namespace scripting
