#include "game/debug/lua_tokenizer.h"

#include <array>

namespace game {

namespace {
using Open = LuaLineState::Open;

bool isDigit(unsigned char c) {
    return c >= '0' && c <= '9';
}
// LuaJIT's lexer takes every byte from 0x80 up as part of a name (so UTF-8 names lex as names).
bool isNameStart(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool isNameChar(unsigned char c) {
    return isNameStart(c) || isDigit(c);
}
bool isSpace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

LuaTokenKind nameKind(std::string_view name) {
    static constexpr std::array<std::string_view, 19> kKeywords = {
        "and", "break", "do",  "else", "elseif", "end",    "for",  "function", "goto", "if",
        "in",  "local", "not", "or",   "repeat", "return", "then", "until",    "while"};
    if (name == "nil" || name == "true" || name == "false")
        return LuaTokenKind::Constant;
    for (std::string_view k : kKeywords)
        if (name == k)
            return LuaTokenKind::Keyword;
    return LuaTokenKind::Name;
}

// The level of a long bracket `[==[` opening at `at`, or -1 when `[` opens none there (`[=x`).
int longBracketLevel(std::string_view line, size_t at) {
    size_t i = at + 1;
    while (i < line.size() && line[i] == '=')
        ++i;
    return i < line.size() && line[i] == '[' ? int(i - at - 1) : -1;
}

// Where the long bracket `]==]` of `level` that closes what is open ends (just past it), searching
// from `from`; npos when it does not close on this line.
size_t longBracketEnd(std::string_view line, size_t from, int level) {
    for (size_t i = line.find(']', from); i != std::string_view::npos; i = line.find(']', i + 1)) {
        size_t j = i + 1;
        while (j < line.size() && line[j] == '=' && int(j - i - 1) < level)
            ++j;
        if (int(j - i - 1) == level && j < line.size() && line[j] == ']')
            return j + 1;
    }
    return std::string_view::npos;
}

// The body of a short string from `from` (after its opening quote): where it ends, and whether it
// goes on to the next line. LuaJIT continues a string past a line break escaped by `\`, and `\z`
// skips the white space after it, line breaks included; any other line break is an error, and the
// string is coloured to the end of its line.
struct ShortStringEnd {
    size_t end;
    bool continues;
};
ShortStringEnd scanShortString(std::string_view line, size_t from, char quote) {
    size_t i = from;
    while (i < line.size()) {
        const char c = line[i];
        if (c == quote)
            return {i + 1, false};
        if (c != '\\') {
            ++i;
            continue;
        }
        if (i + 1 >= line.size())
            return {line.size(), true}; // an escaped line break
        if (line[i + 1] == 'z') {
            i += 2;
            while (i < line.size() && isSpace(static_cast<unsigned char>(line[i])))
                ++i;
            if (i >= line.size())
                return {line.size(), true};
            continue;
        }
        i += 2; // one escaped character: \" \\ \n ... (the digits of \ddd and \xXX are string)
    }
    return {line.size(), false};
}

// A number the way LuaJIT's lex_number reads one: name characters and dots, and a sign only right
// after the exponent letter (e, or p after a 0x prefix). Malformed numbers end in the same place.
size_t numberEnd(std::string_view line, size_t at) {
    size_t i = at;
    if (line[i] == '.')
        ++i; // ".5": the lexer saw the dot, then reads the number from its first digit
    char exponent = 'e';
    if (line[i] == '0' && i + 1 < line.size() && (line[i + 1] | 0x20) == 'x')
        exponent = 'p';
    char previous = 0;
    while (i < line.size()) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        const bool sign = (c == '-' || c == '+') && (previous | 0x20) == exponent;
        if (!isNameChar(c) && c != '.' && !sign)
            break;
        previous = char(c);
        ++i;
    }
    return i;
}

size_t operatorEnd(std::string_view line, size_t at) {
    const std::string_view rest = line.substr(at);
    if (rest.substr(0, 3) == "...")
        return at + 3;
    for (std::string_view two : {"..", "==", "~=", "<=", ">=", "::"})
        if (rest.substr(0, 2) == two)
            return at + 2;
    return at + 1;
}

void add(std::vector<LuaSpan>* spans, size_t begin, size_t end, LuaTokenKind kind) {
    if (end > begin)
        spans->push_back({uint32_t(begin), uint32_t(end), kind});
}
} // namespace

LuaLineState tokenizeLuaLine(std::string_view line, LuaLineState in, std::vector<LuaSpan>* spans) {
    if (!line.empty() && line.back() == '\r') // "\r\n": the '\r' is part of the line break
        line.remove_suffix(1);
    size_t i = 0;
    // What the previous line left open.
    if (in.open == Open::LongString || in.open == Open::LongComment) {
        const LuaTokenKind kind =
            in.open == Open::LongString ? LuaTokenKind::String : LuaTokenKind::Comment;
        const size_t end = longBracketEnd(line, 0, in.level);
        if (end == std::string_view::npos) {
            add(spans, 0, line.size(), kind);
            return in;
        }
        add(spans, 0, end, kind);
        i = end;
    } else if (in.open == Open::ShortString) {
        const ShortStringEnd s = scanShortString(line, 0, in.quote);
        add(spans, 0, s.end, LuaTokenKind::String);
        if (s.continues)
            return in;
        i = s.end;
    }

    while (i < line.size()) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        if (isSpace(c)) {
            ++i;
            continue;
        }
        if (c == '-' && i + 1 < line.size() && line[i + 1] == '-') {
            const int level =
                i + 2 < line.size() && line[i + 2] == '[' ? longBracketLevel(line, i + 2) : -1;
            if (level < 0) { // "--", "--[", "--[==": a comment to the end of the line
                add(spans, i, line.size(), LuaTokenKind::Comment);
                return {};
            }
            const size_t end = longBracketEnd(line, i + 2 + size_t(level) + 2, level);
            if (end == std::string_view::npos) {
                add(spans, i, line.size(), LuaTokenKind::Comment);
                return {Open::LongComment, uint16_t(level), 0};
            }
            add(spans, i, end, LuaTokenKind::Comment);
            i = end;
            continue;
        }
        if (c == '[') {
            const int level = longBracketLevel(line, i);
            if (level >= 0) {
                const size_t end = longBracketEnd(line, i + size_t(level) + 2, level);
                if (end == std::string_view::npos) {
                    add(spans, i, line.size(), LuaTokenKind::String);
                    return {Open::LongString, uint16_t(level), 0};
                }
                add(spans, i, end, LuaTokenKind::String);
                i = end;
                continue;
            }
        }
        if (c == '"' || c == '\'') {
            const ShortStringEnd s = scanShortString(line, i + 1, char(c));
            add(spans, i, s.end, LuaTokenKind::String);
            if (s.continues)
                return {Open::ShortString, 0, char(c)};
            i = s.end;
            continue;
        }
        if (isDigit(c) ||
            (c == '.' && i + 1 < line.size() && isDigit(static_cast<unsigned char>(line[i + 1])))) {
            const size_t end = numberEnd(line, i);
            add(spans, i, end, LuaTokenKind::Number);
            i = end;
            continue;
        }
        if (isNameStart(c)) {
            size_t end = i + 1;
            while (end < line.size() && isNameChar(static_cast<unsigned char>(line[end])))
                ++end;
            add(spans, i, end, nameKind(line.substr(i, end - i)));
            i = end;
            continue;
        }
        const size_t end = operatorEnd(line, i);
        add(spans, i, end, LuaTokenKind::Operator);
        i = end;
    }
    return {};
}

std::vector<std::vector<LuaSpan>> tokenizeLua(std::string_view text) {
    std::vector<std::vector<LuaSpan>> lines;
    LuaLineState state;
    size_t start = 0;
    while (true) {
        const size_t newline = text.find('\n', start);
        const std::string_view line =
            text.substr(start, newline == std::string_view::npos ? text.npos : newline - start);
        lines.emplace_back();
        if (start == 0 && !line.empty() && line[0] == '#') {
            std::string_view shebang = line;
            if (shebang.back() == '\r')
                shebang.remove_suffix(1);
            add(&lines.back(), 0, shebang.size(), LuaTokenKind::Comment);
        } else {
            state = tokenizeLuaLine(line, state, &lines.back());
        }
        if (newline == std::string_view::npos)
            break;
        start = newline + 1;
    }
    return lines;
}

} // namespace game
