#pragma once
// Reading script source text the way LuaJIT does: a line ends at "\n", "\r", "\r\n" or "\n\r",
// so line numbers here are the ones LuaJIT's errors use, whatever the file's line endings.
#include <string>
#include <string_view>

namespace scripting {

/// Line `line` (1-based) of a source text, without its line break; empty if there is none.
std::string sourceLine(std::string_view source, int line);

/// The line where `key =` first appears as a field assignment (at a line's start, or after `{`,
/// `,` or `;`); if `key` is empty or never assigned, the line of the last `return` that starts a
/// line; 1 if there is none. For errors about a field of the table a script returns.
int lineOfField(std::string_view source, std::string_view key);

} // namespace scripting
