#pragma once
// LuaTokenizer: Lua source split into coloured spans, line by line, for the script editor. It
// follows LuaJIT's lexer where that decides a colour (what ends a number, which brackets open a
// long string, how a string goes on past a line break) and never fails: text Lua would refuse is
// still coloured, as far as it goes. No ImGui here, so tests read the spans directly.
#include <cstdint>
#include <string_view>
#include <vector>

namespace game {

enum class LuaTokenKind : uint8_t {
    Name,     // identifiers (bytes >= 0x80 included, as LuaJIT allows)
    Keyword,  // and, break, do, ... while (not the three below)
    Constant, // nil, true, false
    Number,
    String,   // "..", '..' and long strings [[..]], [==[..]==]
    Comment,  // -- to the end of the line, and long comments --[[..]]
    Operator, // punctuation; the multi-byte ones (.., ..., ==, ~=, <=, >=, ::) in one span
};

/// One token of a line: byte offsets into that line. Spaces between tokens belong to no span.
struct LuaSpan {
    uint32_t begin = 0, end = 0;
    LuaTokenKind kind = LuaTokenKind::Name;
    bool operator==(const LuaSpan& o) const {
        return begin == o.begin && end == o.end && kind == o.kind;
    }
};

/// What a line leaves open for the next one: a long string or comment (with its bracket level),
/// or a short string whose line ended in an escaped line break (`\` or `\z`).
struct LuaLineState {
    enum class Open : uint8_t { Nothing, LongString, LongComment, ShortString };
    Open open = Open::Nothing;
    uint16_t level = 0; // the number of '=' in the long bracket
    char quote = 0;     // the short string's quote
    bool operator==(const LuaLineState& o) const {
        return open == o.open && level == o.level && quote == o.quote;
    }
};

/// Tokenizes one line (without its '\n'; a trailing '\r' is a line break too) that starts in
/// state `in`; appends its spans to *spans and returns the state the next line starts in.
LuaLineState tokenizeLuaLine(std::string_view line, LuaLineState in, std::vector<LuaSpan>* spans);

/// Every line of a text (lines end at '\n', as the editor shows them), tokenized in order. A
/// first line starting with '#' is a comment (LuaJIT skips it: `#!/usr/bin/env luajit`).
std::vector<std::vector<LuaSpan>> tokenizeLua(std::string_view text);

} // namespace game
