#pragma once
// TEMPORARY interface shim: the C++ instrumenter replaces this (see sandbox/lua/compile.lua).
#include <string>
#include <string_view>

namespace scripting {

struct InstrumentedChunk {
    std::string text;
    std::string localName;
    std::string globalName;
    int checks = 0, globalChecks = 0;
};

bool instrumentChunk(std::string_view source, InstrumentedChunk* out, std::string* error);

} // namespace scripting
