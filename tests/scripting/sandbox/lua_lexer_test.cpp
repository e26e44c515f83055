// The lexer against what LuaJIT's lj_lex.c does with line breaks, comments, strings, numbers and
// names (instrumenter_test.cpp checks the same cases end to end against LuaJIT itself).
#include "sandbox/lua_lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace scripting;

namespace {

struct Lexed {
    bool ok = true;
    std::string error;
    std::vector<LuaToken> tokens; // without the final <eof>
};

Lexed lex(std::string_view source) {
    Lexed out;
    LuaLexer lexer(source);
    for (;;) {
        LuaToken t;
        if (!lexer.next(&t)) {
            out.ok = false;
            out.error = lexer.error();
            return out;
        }
        if (t.kind == kTokEof)
            return out;
        out.tokens.push_back(t);
    }
}

std::vector<int> kinds(const Lexed& l) {
    std::vector<int> k;
    for (const LuaToken& t : l.tokens)
        k.push_back(t.kind);
    return k;
}

std::string text(std::string_view source, const LuaToken& t) {
    return std::string(source.substr(t.begin, t.end - t.begin));
}

} // namespace

TEST(LuaLexer, LineBreaksCountLikeLuaJit) {
    // "\r\n" and "\n\r" are one break, "\n\n" and "\r\r" two.
    const std::string src = "a\r\nb\n\rc\n\nd\r\re\rf";
    const Lexed l = lex(src);
    ASSERT_TRUE(l.ok) << l.error;
    ASSERT_EQ(l.tokens.size(), 6u);
    const uint32_t lines[] = {1, 2, 3, 5, 7, 8};
    for (size_t i = 0; i < 6; ++i)
        EXPECT_EQ(l.tokens[i].line, lines[i]) << text(src, l.tokens[i]);
}

TEST(LuaLexer, ShortCommentsEndAtCarriageReturn) {
    const std::string src = "x -- comment\ry -- a --[==[ not long\rz";
    const Lexed l = lex(src);
    ASSERT_TRUE(l.ok) << l.error;
    ASSERT_EQ(l.tokens.size(), 3u);
    EXPECT_EQ(text(src, l.tokens[1]), "y");
    EXPECT_EQ(l.tokens[1].line, 2u);
    EXPECT_EQ(text(src, l.tokens[2]), "z");
    EXPECT_EQ(l.tokens[2].line, 3u);
}

TEST(LuaLexer, LongBracketsMatchTheirLevel) {
    const std::string src = "[==[a]]b]=]c]==] x --[=[ ]] ]==] ]=] y [[\nq]] z";
    const Lexed l = lex(src);
    ASSERT_TRUE(l.ok) << l.error;
    ASSERT_EQ(l.tokens.size(), 5u);
    EXPECT_EQ(text(src, l.tokens[0]), "[==[a]]b]=]c]==]");
    EXPECT_EQ(text(src, l.tokens[1]), "x");
    EXPECT_EQ(text(src, l.tokens[2]), "y");
    EXPECT_EQ(l.tokens[3].kind, kTokString);
    EXPECT_EQ(l.tokens[3].line, 1u);
    EXPECT_EQ(l.tokens[3].endLine, 2u);
    EXPECT_EQ(l.tokens[4].line, 2u);
    // "]]" after a mismatched "]=" can still close: the scan resumes on the byte after "=".
    const Lexed m = lex("[[a]=]] b");
    ASSERT_TRUE(m.ok) << m.error;
    EXPECT_EQ(m.tokens.size(), 2u);
}

TEST(LuaLexer, StringEscapesSpanLinesLikeLuaJit) {
    const std::string src = "'a\\z \r\n\t b' '\\\r\n' \"\\x41\\u{10FFFF}\\065\\\"\" x";
    const Lexed l = lex(src);
    ASSERT_TRUE(l.ok) << l.error;
    ASSERT_EQ(l.tokens.size(), 4u);
    EXPECT_EQ(l.tokens[0].endLine, 2u);
    EXPECT_EQ(l.tokens[1].line, 2u);
    EXPECT_EQ(l.tokens[1].endLine, 3u);
    EXPECT_EQ(text(src, l.tokens[3]), "x");
    EXPECT_EQ(l.tokens[3].line, 3u);
}

TEST(LuaLexer, RefusesWhatLuaJitRefuses) {
    for (const char* bad : {"'\\q'", "'\\x4'", "'\\u{110000}'", "'\\u{D800}'", "'\\u{}'", "'\\256'",
                            "'abc", "'a\nb'", "'a\rb'", "[[abc", "--[[abc", "[=x", "[==", "'\\"}) {
        const Lexed l = lex(bad);
        EXPECT_FALSE(l.ok) << bad;
    }
    for (const char* good :
         {"'\\255'", "'\\u{0000000041}'", "'\\xfF'", "'\\\n'", "'\\z'", "[ = x", "--[=x\n"}) {
        const Lexed l = lex(good);
        EXPECT_TRUE(l.ok) << good << ": " << l.error;
    }
}

TEST(LuaLexer, NumbersTakeWhatLexNumberTakes) {
    const std::string src = "0x1p-3 1e+5 3ULL 1i .5 0x.8p1 0x1e+5 0b101 1.";
    const Lexed l = lex(src);
    ASSERT_TRUE(l.ok) << l.error;
    std::vector<std::string> texts;
    for (const LuaToken& t : l.tokens)
        texts.push_back(text(src, t));
    const std::vector<std::string> expected = {"0x1p-3", "1e+5", "3ULL", "1i",    ".5", "0x.8p1",
                                               "0x1e",   "+",    "5",    "0b101", "1."};
    EXPECT_EQ(texts, expected);
}

TEST(LuaLexer, NumbersAreCheckedLikeStrscan) {
    for (const char* good :
         {"0.", ".5e-3", "0x.8", "0XAp+1", "3ull", "3LLU", "0x10ULL", "18446744073709551615ULL",
          "0x00000000000000001ULL", "1e5i", "0x1i", "0B11i", "1e1048575", "0001LL"}) {
        EXPECT_TRUE(luaNumberValid(good)) << good;
        EXPECT_TRUE(lex(good).ok) << good;
    }
    for (const char* bad : {"3..2", "1.e-x", "0x", "0x.p1", "1e", "1e+", "3U", "3UL", "3L", "1ii",
                            "1.5LL", "0x10000000000000000ULL", "18446744073709551616ULL", "0b102",
                            "0b1.1", "1e1048576", "1x", "0functionx5"}) {
        EXPECT_FALSE(luaNumberValid(bad)) << bad;
        EXPECT_FALSE(lex(bad).ok) << bad;
    }
    EXPECT_FALSE(luaNumberValid("0b" + std::string(65, '1')));
    EXPECT_TRUE(luaNumberValid("0b" + std::string(64, '1') + "ULL"));
}

TEST(LuaLexer, NamesIncludeEveryHighByte) {
    const std::string src = "caf\xC3\xA9"
                            "do \xC3\xA9"
                            "function goto do \x80\xff";
    const Lexed l = lex(src);
    ASSERT_TRUE(l.ok) << l.error;
    EXPECT_EQ(kinds(l), (std::vector<int>{kTokName, kTokName, kTokGoto, kTokDo, kTokName}));
}

TEST(LuaLexer, Operators) {
    const Lexed l = lex(".. ... == >= <= ~= :: ~ : . = < > [ ]");
    ASSERT_TRUE(l.ok) << l.error;
    EXPECT_EQ(kinds(l), (std::vector<int>{kTokConcat, kTokDots, kTokEq, kTokGe, kTokLe, kTokNe,
                                          kTokLabel, '~', ':', '.', '=', '<', '>', '[', ']'}));
}

TEST(LuaLexer, SkipsBomAndHashLine) {
    const std::string src = "\xEF\xBB\xBF#!/usr/bin/lua\r\nx";
    LuaLexer lexer(src);
    EXPECT_EQ(lexer.header().bomBytes, 3u);
    EXPECT_TRUE(lexer.header().hashLine);
    EXPECT_EQ(lexer.header().textBegin, src.find('\r'));
    LuaToken t;
    ASSERT_TRUE(lexer.next(&t));
    EXPECT_EQ(t.kind, kTokName);
    EXPECT_EQ(t.line, 2u);

    const Lexed onlyHash = lex("#!x"); // LuaJIT stops at the end of the '#' line: an empty chunk
    EXPECT_TRUE(onlyHash.ok);
    EXPECT_TRUE(onlyHash.tokens.empty());
    const Lexed shortBom = lex("\xEF\xBB"); // not a BOM: two name bytes
    ASSERT_TRUE(shortBom.ok);
    EXPECT_EQ(shortBom.tokens.size(), 1u);
    const Lexed secondHash = lex("\n#x"); // only the first line may be skipped
    ASSERT_TRUE(secondHash.ok);
    EXPECT_EQ(secondHash.tokens[0].kind, '#');
}

TEST(LuaLexer, RefusesBytecode) {
    EXPECT_FALSE(lex("\x1bLJ").ok);
    EXPECT_FALSE(lex("#!x\n\x1bLJ").ok);
    EXPECT_FALSE(lex("\xEF\xBB\xBF\x1bLJ").ok);
    EXPECT_TRUE(lex(" \x1b").ok); // a stray byte later is a token (that the parser refuses)
}
