#pragma once
// The Lua lexer of LuaJIT 2.1 (src/lj_lex.c, lj_char.c), re-implemented to keep where each token
// is. The sandbox rewrites scripts before LuaJIT compiles them, so it must split the text exactly
// where LuaJIT will: a comment that ends one byte too late hides code from the rewriter.
//
// What LuaJIT does and this does too: "\n", "\r", "\r\n" and "\n\r" are one line break each;
// a short comment ends at "\n" or "\r"; identifiers are A-Z a-z 0-9 _ and every byte 0x80-0xFF;
// a UTF-8 BOM and then a '#' first line are skipped before the first token; a number literal is
// what lex_number takes, valid if lj_strscan_scan reads it (with the FFI's LL, ULL and i).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace scripting {

/// Token kinds, numbered like LuaJIT's TK_*: a single-character token is its byte (0..255).
enum LuaTokenKind : int {
    kTokAnd = 257,
    kTokBreak,
    kTokDo,
    kTokElse,
    kTokElseif,
    kTokEnd,
    kTokFalse,
    kTokFor,
    kTokFunction,
    kTokGoto,
    kTokIf,
    kTokIn,
    kTokLocal,
    kTokNil,
    kTokNot,
    kTokOr,
    kTokRepeat,
    kTokReturn,
    kTokThen,
    kTokTrue,
    kTokUntil,
    kTokWhile,
    kTokConcat, // ..
    kTokDots,   // ...
    kTokEq,     // ==
    kTokGe,     // >=
    kTokLe,     // <=
    kTokNe,     // ~=
    kTokLabel,  // ::
    kTokNumber,
    kTokName,
    kTokString,
    kTokEof,
};

struct LuaToken {
    int kind = kTokEof;
    size_t begin = 0;     // first byte of the token in the source
    size_t end = 0;       // one past its last byte
    uint32_t line = 1;    // line of its first byte
    uint32_t endLine = 1; // line of its last byte (long strings and escaped line breaks span lines)
};

/// What lj_lex_setup skips before the first token.
struct LuaChunkHeader {
    size_t bomBytes = 0; // 3 if a UTF-8 BOM opens the source
    bool hashLine = false;
    size_t textBegin = 0;  // where the text after the BOM and the '#' line's text begins (the
                           // '#' line's line break is not part of the header)
    bool bytecode = false; // LuaJIT would read a bytecode dump here (or refuse one): not source
};

class LuaLexer {
public:
    explicit LuaLexer(std::string_view source);

    const LuaChunkHeader& header() const { return m_header; }
    /// Scans the next token: false, with error(), where LuaJIT's lexer raises an error.
    bool next(LuaToken* token);
    /// "line N: message" of the last failure.
    const std::string& error() const { return m_error; }
    /// LuaJIT's ls->linenumber: the line the scan has reached.
    uint32_t line() const { return m_line; }

private:
    void advance();
    bool newline();
    bool fail(const char* message);
    int skipEquals();
    bool longString(int level, bool isComment);
    bool quotedString();
    bool number(size_t begin);
    int nameOrKeyword(size_t begin) const;

    std::string_view m_src;
    size_t m_pos = 0; // index of m_c in m_src (== size at the end)
    int m_c = -1;     // current byte, or -1 at the end
    uint32_t m_line = 1;
    LuaChunkHeader m_header;
    std::string m_error;
};

/// Name of a token kind for messages ("'end'", "<name>", "'('").
std::string luaTokenName(int kind);

/// Whether LuaJIT's lexer takes `text` (a digit or '.' and what lex_number adds to it) as a number:
/// lj_strscan_scan with the options of LuaJIT's x64 build (doubles, and the FFI's 64-bit integer
/// and imaginary suffixes).
bool luaNumberValid(std::string_view text);

} // namespace scripting
