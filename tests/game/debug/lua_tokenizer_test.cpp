// The editor's Lua colouring: every expectation is written out by hand as "kind:text" per token,
// lines separated by " | ", from what LuaJIT's lexer makes of the same text.
#include "game/debug/lua_tokenizer.h"

#include <gtest/gtest.h>

#include <string>

namespace {
const char* kindName(game::LuaTokenKind k) {
    switch (k) {
    case game::LuaTokenKind::Name: return "name";
    case game::LuaTokenKind::Keyword: return "kw";
    case game::LuaTokenKind::Constant: return "const";
    case game::LuaTokenKind::Number: return "num";
    case game::LuaTokenKind::String: return "str";
    case game::LuaTokenKind::Comment: return "comment";
    case game::LuaTokenKind::Operator: return "op";
    }
    return "?";
}

std::string show(const std::string& text) {
    const auto lines = game::tokenizeLua(text);
    std::string out;
    size_t start = 0;
    for (size_t l = 0; l < lines.size(); ++l) {
        const size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end == std::string::npos ? end : end - start);
        if (l > 0)
            out += " | ";
        for (size_t s = 0; s < lines[l].size(); ++s) {
            const game::LuaSpan& span = lines[l][s];
            out += s ? " " : "";
            out += kindName(span.kind);
            out += ":" + line.substr(span.begin, span.end - span.begin);
        }
        start = end + 1;
    }
    return out;
}
} // namespace

TEST(LuaTokenizer, KeywordsAreWholeNamesOnly) {
    EXPECT_EQ(show("local function endx() end"), "kw:local kw:function name:endx op:( op:) kw:end");
    EXPECT_EQ(show("if not x then return nil end"),
              "kw:if kw:not name:x kw:then kw:return const:nil kw:end");
    EXPECT_EQ(show("t.end_ = true or false"),
              "name:t op:. name:end_ op:= const:true kw:or const:false");
    EXPECT_EQ(show("goto continue; ::continue::"),
              "kw:goto name:continue op:; op::: name:continue op:::");
    EXPECT_EQ(show("local café = 1"), "kw:local name:café op:= num:1"); // LuaJIT: bytes >= 0x80
}

TEST(LuaTokenizer, ShortStringsEndAtTheirOwnQuoteAfterEscapes) {
    EXPECT_EQ(show(R"(s = "a\"b" .. 'c')"), R"(name:s op:= str:"a\"b" op:.. str:'c')");
    EXPECT_EQ(show(R"(q = '\'' x)"), R"(name:q op:= str:'\'' name:x)");
    EXPECT_EQ(show(R"(a = "it's" b = 'say "hi"')"),
              R"(name:a op:= str:"it's" name:b op:= str:'say "hi"')");
    EXPECT_EQ(show(R"(e = "\\" f)"), R"(name:e op:= str:"\\" name:f)");
    // Unfinished: LuaJIT refuses it; the colour stops at the line's end and the next line is code.
    EXPECT_EQ(show("x = \"open\ny = 1"), "name:x op:= str:\"open | name:y op:= num:1");
}

TEST(LuaTokenizer, ShortStringsGoOnAfterAnEscapedLineBreakOrZ) {
    EXPECT_EQ(show("s = \"one\\\ntwo\" x"), "name:s op:= str:\"one\\ | str:two\" name:x");
    EXPECT_EQ(show("s = 'a\\z\n    b' x"), "name:s op:= str:'a\\z | str:    b' name:x");
    // \z followed by something on its line ends the skip; the line break after is unescaped.
    EXPECT_EQ(show("s = 'a\\z  b\nc'"), "name:s op:= str:'a\\z  b | name:c str:'");
}

TEST(LuaTokenizer, LongStringsSpanLinesAndCloseOnlyAtTheirLevel) {
    EXPECT_EQ(show("s = [[one\ntwo]] x"), "name:s op:= str:[[one | str:two]] name:x");
    EXPECT_EQ(show("s = [==[a ]] ]=] \nb]==] x"),
              "name:s op:= str:[==[a ]] ]=]  | str:b]==] name:x");
    EXPECT_EQ(show("s = [=[x]=] .. [[y]]"), "name:s op:= str:[=[x]=] op:.. str:[[y]]");
    EXPECT_EQ(show("t[ [[k]] ] = 1"), "name:t op:[ str:[[k]] op:] op:= num:1");
    // "[=" without a second bracket opens nothing (an index, then an error).
    EXPECT_EQ(show("t[=x"), "name:t op:[ op:= name:x");
    EXPECT_EQ(show("a = [[\n\n]]"), "name:a op:= str:[[ |  | str:]]");
}

TEST(LuaTokenizer, CommentsShortAndLong) {
    EXPECT_EQ(show("x = 1 -- the rest ]] \"of\" it"),
              "name:x op:= num:1 comment:-- the rest ]] \"of\" it");
    EXPECT_EQ(show("--[[ a\nb ]] y"), "comment:--[[ a | comment:b ]] name:y");
    EXPECT_EQ(show("--[==[ ]] ]=]\n]==] z"), "comment:--[==[ ]] ]=] | comment:]==] name:z");
    EXPECT_EQ(show("--[ not long\nk"), "comment:--[ not long | name:k");
    EXPECT_EQ(show("--[== not long either\nk"), "comment:--[== not long either | name:k");
    EXPECT_EQ(show("a --[[inline]] b"), "name:a comment:--[[inline]] name:b");
    EXPECT_EQ(show("a - -b"), "name:a op:- op:- name:b");
}

TEST(LuaTokenizer, NumbersAsLuaJitReadsThem) {
    EXPECT_EQ(show("0x1F 1e-3 3. .5 0x1p4 0x1P-2 1E+10 42"),
              "num:0x1F num:1e-3 num:3. num:.5 num:0x1p4 num:0x1P-2 num:1E+10 num:42");
    // In hex, 'e' is a digit: the '-' after it is a subtraction.
    EXPECT_EQ(show("0x1e-1"), "num:0x1e op:- num:1");
    EXPECT_EQ(show("12ULL 0x10LL 3i"), "num:12ULL num:0x10LL num:3i"); // LuaJIT's FFI suffixes
    EXPECT_EQ(show("a..1 .. 2"), "name:a op:.. num:1 op:.. num:2");
    EXPECT_EQ(show("f(...)"), "name:f op:( op:... op:)");
    EXPECT_EQ(show("x.y1"), "name:x op:. name:y1");
    // A malformed number is one token to LuaJIT, as far as name characters and dots go.
    EXPECT_EQ(show("3..2"), "num:3..2");
}

TEST(LuaTokenizer, OperatorsTakeTheirLongestForm) {
    EXPECT_EQ(show("a==b~=c<=d>=e<f"),
              "name:a op:== name:b op:~= name:c op:<= name:d op:>= name:e op:< name:f");
    EXPECT_EQ(show("n = #t"), "name:n op:= op:# name:t");
}

TEST(LuaTokenizer, LinesAreSplitAtNewlinesAndCrLfEndsAreNotText) {
    EXPECT_EQ(show("a\r\n--c\r\nb"), "name:a | comment:--c | name:b");
    EXPECT_EQ(game::tokenizeLua("").size(), 1u);
    EXPECT_EQ(game::tokenizeLua("x\n").size(), 2u);
    EXPECT_EQ(show("#!/usr/bin/env luajit\n# x"), "comment:#!/usr/bin/env luajit | op:# name:x");
}

TEST(LuaTokenizer, ALineReportsWhatItLeavesOpen) {
    using Open = game::LuaLineState::Open;
    std::vector<game::LuaSpan> spans;
    game::LuaLineState s = game::tokenizeLuaLine("x = [==[", {}, &spans);
    EXPECT_EQ(s.open, Open::LongString);
    EXPECT_EQ(s.level, 2);
    s = game::tokenizeLuaLine("--[=[", {}, &spans);
    EXPECT_EQ(s.open, Open::LongComment);
    EXPECT_EQ(s.level, 1);
    s = game::tokenizeLuaLine("'abc\\", {}, &spans);
    EXPECT_EQ(s.open, Open::ShortString);
    EXPECT_EQ(s.quote, '\'');
    s = game::tokenizeLuaLine("]=] y", {Open::LongComment, 1, 0}, &spans);
    EXPECT_EQ(s.open, Open::Nothing);
    spans.clear();
    game::tokenizeLuaLine("still ]] inside", {Open::LongString, 1, 0}, &spans);
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(spans[0], (game::LuaSpan{0, 15, game::LuaTokenKind::String}));
}
