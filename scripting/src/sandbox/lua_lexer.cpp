#include "sandbox/lua_lexer.h"

#include <array>
#include <cstring>

namespace scripting {
namespace {

constexpr int kEof = -1;
constexpr uint32_t kMaxLine = 0x7fffff00; // LJ_MAX_LINE
constexpr size_t kMaxSource = 0x7fffff00; // LJ_MAX_BUF: LuaJIT reports "not enough memory"
constexpr int kMaxEquals = 0x20000000;    // lex_skipeq stops counting there

enum : uint8_t { kIdent = 1, kDigit = 2, kHex = 4, kSpace = 8 };

// lj_char.c's classes: identifiers include every byte from 0x80 up (LuaJIT reads UTF-8 names as
// opaque bytes), and isspace is the C locale's set.
constexpr std::array<uint8_t, 256> makeClasses() {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        uint8_t v = 0;
        const bool digit = c >= '0' && c <= '9';
        const bool lower = c >= 'a' && c <= 'z';
        const bool upper = c >= 'A' && c <= 'Z';
        if (digit || lower || upper || c == '_' || c >= 0x80)
            v |= kIdent;
        if (digit)
            v |= kDigit;
        if (digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
            v |= kHex;
        if ((c >= 0x09 && c <= 0x0d) || c == ' ')
            v |= kSpace;
        t[size_t(c)] = v;
    }
    return t;
}
constexpr std::array<uint8_t, 256> kClasses = makeClasses();

bool is(int c, uint8_t cls) {
    return c >= 0 && (kClasses[size_t(c)] & cls) != 0;
}
bool isEol(int c) {
    return c == '\n' || c == '\r';
}

constexpr std::array<const char*, 22> kReserved = {
    "and",      "break",  "do",   "else", "elseif", "end",  "false", "for",
    "function", "goto",   "if",   "in",   "local",  "nil",  "not",   "or",
    "repeat",   "return", "then", "true", "until",  "while"};

} // namespace

LuaLexer::LuaLexer(std::string_view source) : m_src(source) {
    if (m_src.size() >= kMaxSource) {
        m_error = "line 1: source too large";
        m_header.bytecode = true; // stands for "cannot be read as source": next() refuses it
        return;
    }
    m_c = m_src.empty() ? kEof : uint8_t(m_src[0]);
    // lj_lex_setup: a BOM (only when all three bytes are there), then a '#' line.
    bool header = false;
    if (m_src.size() >= 3 && uint8_t(m_src[0]) == 0xef && uint8_t(m_src[1]) == 0xbb &&
        uint8_t(m_src[2]) == 0xbf) {
        m_pos = 2;
        advance();
        m_header.bomBytes = 3;
        header = true;
    }
    m_header.textBegin = m_pos;
    if (m_c == '#') {
        m_header.hashLine = true;
        do {
            advance();
            if (m_c == kEof) {
                m_header.textBegin = m_pos;
                return; // LuaJIT returns before looking for a bytecode signature
            }
        } while (!isEol(m_c));
        m_header.textBegin = m_pos;
        newline();
        header = true;
    }
    if (m_c == 0x1b) { // LUA_SIGNATURE[0]: a bytecode dump, refused after a header
        m_header.bytecode = true;
        m_error = header ? "line 1: bytecode after a header" : "line 1: bytecode, not source";
    }
}

void LuaLexer::advance() {
    if (m_pos < m_src.size())
        ++m_pos;
    m_c = m_pos < m_src.size() ? uint8_t(m_src[m_pos]) : kEof;
}

// lex_newline: one break is "\n", "\r", "\r\n" or "\n\r".
bool LuaLexer::newline() {
    const int old = m_c;
    advance();
    if (isEol(m_c) && m_c != old)
        advance();
    if (++m_line >= kMaxLine)
        return fail("chunk has too many lines");
    return true;
}

bool LuaLexer::fail(const char* message) {
    m_error = "line " + std::to_string(m_line) + ": " + message;
    return false;
}

// lex_skipeq: at '[' or ']', skips it and the '=' after it; the level if the same bracket
// follows, else -count-1 (so -1 means no '=' at all).
int LuaLexer::skipEquals() {
    const int s = m_c;
    int count = 0;
    advance();
    while (m_c == '=' && count < kMaxEquals) {
        ++count;
        advance();
    }
    return m_c == s ? count : -count - 1;
}

// lex_longstring, from the second '['.
bool LuaLexer::longString(int level, bool isComment) {
    advance();
    if (isEol(m_c) && !newline()) // a line break right after the opening bracket is skipped
        return false;
    for (;;) {
        switch (m_c) {
        case kEof: return fail(isComment ? "unfinished long comment" : "unfinished long string");
        case ']':
            // A mismatched ']==' leaves the scan on the byte after it, which may open the close.
            if (skipEquals() == level) {
                advance();
                return true;
            }
            break;
        case '\n':
        case '\r':
            if (!newline())
                return false;
            break;
        default: advance(); break;
        }
    }
}

// lex_string, from the opening quote.
bool LuaLexer::quotedString() {
    const int delim = m_c;
    advance();
    while (m_c != delim) {
        switch (m_c) {
        case kEof:
        case '\n':
        case '\r': return fail("unfinished string");
        case '\\': {
            advance();
            const int c = m_c;
            switch (c) {
            case 'a':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
            case 'v':
            case '\\':
            case '"':
            case '\'': break;
            case 'x':
                advance();
                if (!is(m_c, kHex))
                    return fail("invalid escape sequence");
                advance();
                if (!is(m_c, kHex))
                    return fail("invalid escape sequence");
                break;
            case 'u': {
                advance();
                if (m_c != '{')
                    return fail("invalid escape sequence");
                advance();
                uint32_t v = 0;
                do {
                    if (!is(m_c, kHex))
                        return fail("invalid escape sequence");
                    v = (v << 4) |
                        (is(m_c, kDigit) ? uint32_t(m_c - '0') : uint32_t((m_c | 0x20) - 'a' + 10));
                    if (v >= 0x110000)
                        return fail("invalid escape sequence");
                    advance();
                } while (m_c != '}');
                if (v >= 0xd800 && v < 0xe000) // surrogates
                    return fail("invalid escape sequence");
                break;
            }
            case 'z': // skips white space, line breaks included
                advance();
                while (is(m_c, kSpace)) {
                    if (isEol(m_c)) {
                        if (!newline())
                            return false;
                    } else {
                        advance();
                    }
                }
                continue;
            case '\n':
            case '\r':
                if (!newline()) // a backslash before any kind of line break, "\r\n" included
                    return false;
                continue;
            case kEof: continue; // reported as an unfinished string
            default: {
                if (!is(c, kDigit))
                    return fail("invalid escape sequence");
                int v = c - '0'; // up to three decimal digits
                advance();
                if (is(m_c, kDigit)) {
                    v = v * 10 + (m_c - '0');
                    advance();
                    if (is(m_c, kDigit)) {
                        v = v * 10 + (m_c - '0');
                        if (v > 255)
                            return fail("invalid escape sequence");
                        advance();
                    }
                }
                continue;
            }
            }
            advance(); // the escape's last byte
            continue;
        }
        default: advance(); break;
        }
    }
    advance(); // the closing quote
    return true;
}

// lex_number: from a digit, takes identifier bytes and '.', and a sign right after the exponent
// letter ('e', or 'p' in a hex literal); then the text must read as a number.
bool LuaLexer::number(size_t begin) {
    int c = m_c;
    int exponent = 'e';
    if (c == '0') {
        advance();
        if ((m_c | 0x20) == 'x')
            exponent = 'p';
    }
    while (is(m_c, kIdent) || m_c == '.' ||
           ((m_c == '-' || m_c == '+') && (c | 0x20) == exponent)) {
        c = m_c;
        advance();
    }
    if (!luaNumberValid(m_src.substr(begin, m_pos - begin)))
        return fail("malformed number");
    return true;
}

int LuaLexer::nameOrKeyword(size_t begin) const {
    const std::string_view word = m_src.substr(begin, m_pos - begin);
    if (word.size() < 2 || word.size() > 8 || word[0] < 'a' || word[0] > 'w')
        return kTokName;
    for (size_t i = 0; i < kReserved.size(); ++i) {
        if (word == kReserved[i])
            return kTokAnd + int(i);
    }
    return kTokName;
}

bool LuaLexer::next(LuaToken* token) {
    if (m_header.bytecode)
        return false;
    for (;;) {
        token->begin = m_pos;
        token->line = m_line;
        int kind;
        if (is(m_c, kIdent)) {
            if (is(m_c, kDigit)) {
                if (!number(token->begin))
                    return false;
                kind = kTokNumber;
            } else {
                do {
                    advance();
                } while (is(m_c, kIdent));
                kind = nameOrKeyword(token->begin);
            }
        } else {
            switch (m_c) {
            case '\n':
            case '\r':
                if (!newline())
                    return false;
                continue;
            case ' ':
            case '\t':
            case '\v':
            case '\f': advance(); continue;
            case '-':
                advance();
                if (m_c != '-') {
                    kind = '-';
                    break;
                }
                advance();
                if (m_c == '[') {
                    const int level = skipEquals();
                    if (level >= 0) {
                        if (!longString(level, true))
                            return false;
                        continue;
                    }
                }
                while (!isEol(m_c) && m_c != kEof) // a short comment: "\r" ends it too
                    advance();
                continue;
            case '[': {
                const int level = skipEquals();
                if (level >= 0) {
                    if (!longString(level, false))
                        return false;
                    kind = kTokString;
                } else if (level == -1) {
                    kind = '[';
                } else {
                    return fail("invalid long string delimiter");
                }
                break;
            }
            case '=':
            case '<':
            case '>':
            case '~': {
                const int c = m_c;
                advance();
                if (m_c != '=') {
                    kind = c;
                } else {
                    advance();
                    kind = c == '=' ? kTokEq : c == '<' ? kTokLe : c == '>' ? kTokGe : kTokNe;
                }
                break;
            }
            case ':':
                advance();
                if (m_c != ':') {
                    kind = ':';
                } else {
                    advance();
                    kind = kTokLabel;
                }
                break;
            case '"':
            case '\'':
                if (!quotedString())
                    return false;
                kind = kTokString;
                break;
            case '.':
                advance();
                if (m_c == '.') {
                    advance();
                    if (m_c == '.') {
                        advance();
                        kind = kTokDots;
                    } else {
                        kind = kTokConcat;
                    }
                } else if (!is(m_c, kDigit)) {
                    kind = '.';
                } else {
                    if (!number(token->begin))
                        return false;
                    kind = kTokNumber;
                }
                break;
            case kEof: kind = kTokEof; break;
            default:
                kind = m_c;
                advance();
                break;
            }
        }
        token->kind = kind;
        token->end = m_pos;
        token->endLine = m_line;
        return true;
    }
}

// lj_strscan_scan, as far as it decides validity, for what lex_number collects: no sign or space
// (the text starts with a digit or '.'), options TONUM | LL | IMAG.
bool luaNumberValid(std::string_view text) {
    constexpr int32_t kMaxExponent = 1 << 20; // STRSCAN_MAXEXP
    enum Format { kNum, kImag, kInt, kU32, kI64, kU64 };
    const size_t n = text.size();
    auto at = [&](size_t i) { return i < n ? int(uint8_t(text[i])) : 0; }; // the NUL after it
    auto lower = [&](size_t i) { return at(i) | 0x20; };
    size_t p = 0;
    int format = kInt;
    uint8_t digitClass = kDigit;
    int base = 10;
    bool hasDot = false;
    size_t dot = 0;
    uint32_t dig = 0;
    bool hasDig = false;
    if (at(0) <= '0') { // '0' or '.': base prefix and leading zeros
        if (at(0) == '0') {
            if (lower(1) == 'x') {
                base = 16;
                digitClass = kHex;
                p = 2;
            } else if (lower(1) == 'b') {
                base = 2;
                p = 2;
            }
        }
        for (;; ++p) {
            if (at(p) == '0') {
                hasDig = true;
            } else if (at(p) == '.') {
                if (hasDot)
                    return false;
                hasDot = true;
                dot = p;
            } else {
                break;
            }
        }
    }
    const size_t digitsBegin = p;
    for (;; ++p) {
        if (is(at(p), digitClass)) {
            ++dig;
        } else if (at(p) == '.') {
            if (hasDot)
                return false;
            hasDot = true;
            dot = p;
        } else {
            break;
        }
    }
    if (!hasDig && dig == 0)
        return false;
    int64_t ex = 0;
    if (hasDot) {
        if (base == 2)
            return false;
        format = kNum;
        if (dig) {
            ex = int64_t(dot) - int64_t(p - 1);
            for (size_t d = p - 1; ex < 0 && at(d) == '0'; --d) // trailing zeros do not count
                ++ex, --dig;
            if (ex <= -kMaxExponent)
                return false;
        }
    }
    if (base >= 10 && lower(p) == (base == 16 ? 'p' : 'e')) {
        format = kNum;
        ++p;
        if (at(p) == '+' || at(p) == '-')
            ++p;
        if (!is(at(p), kDigit))
            return false;
        uint32_t x = uint32_t(at(p++) & 15);
        while (is(at(p), kDigit)) {
            x = x * 10 + uint32_t(at(p) & 15);
            if (x >= uint32_t(kMaxExponent))
                return false;
            ++p;
        }
    }
    if (p < n) { // suffixes: i, or on an integer LL, ULL, LLU (U alone and L alone need C mode)
        if (lower(p) == 'i') {
            ++p;
            format = kImag;
        } else if (format == kInt) {
            if (lower(p) == 'u')
                ++p, format = kU32;
            if (lower(p) == 'l') {
                ++p;
                if (lower(p) != 'l')
                    return false;
                ++p;
                format += kI64 - kInt;
            }
            if (lower(p) == 'u' && (format == kInt || format == kI64))
                ++p, format += kU32 - kInt;
            if (format == kU32)
                return false;
        }
        if (p < n)
            return false;
    }
    // What the base-specific scanners refuse: 64-bit integers that do not fit, binary digits
    // other than 0 and 1.
    const bool int64 = format == kI64 || format == kU64;
    if (base == 16)
        return !(int64 && dig > 16);
    if (base == 2) {
        if (dig > 64)
            return false;
        for (size_t i = digitsBegin; i < digitsBegin + dig; ++i) {
            if ((at(i) & ~1) != '0')
                return false;
        }
        return true;
    }
    if (int64 && dig > 19) { // decimal: below 2^64
        if (dig > 20)
            return false;
        return text.substr(digitsBegin, 20) < "18446744073709551616";
    }
    return true;
}

std::string luaTokenName(int kind) {
    if (kind >= kTokAnd && kind <= kTokWhile)
        return std::string("'") + kReserved[size_t(kind - kTokAnd)] + "'";
    switch (kind) {
    case kTokConcat: return "'..'";
    case kTokDots: return "'...'";
    case kTokEq: return "'=='";
    case kTokGe: return "'>='";
    case kTokLe: return "'<='";
    case kTokNe: return "'~='";
    case kTokLabel: return "'::'";
    case kTokNumber: return "<number>";
    case kTokName: return "<name>";
    case kTokString: return "<string>";
    case kTokEof: return "<eof>";
    default: break;
    }
    if (kind >= 0x20 && kind < 0x7f)
        return std::string("'") + char(kind) + "'";
    return "char(" + std::to_string(kind) + ")";
}

} // namespace scripting
