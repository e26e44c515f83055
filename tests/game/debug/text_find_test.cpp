// The editor's find and line arithmetic, on texts whose answers are counted by hand.
#include "game/debug/text_find.h"

#include <gtest/gtest.h>

using namespace game::text_find;

TEST(TextFind, FindsEveryOccurrenceWithoutOverlap) {
    EXPECT_EQ(findAll("local a = a + ab", "a", true), (std::vector<size_t>{3, 6, 10, 14}));
    EXPECT_EQ(findAll("aaaa", "aa", true), (std::vector<size_t>{0, 2}));
    EXPECT_EQ(findAll("aaa", "aa", true), (std::vector<size_t>{0}));
    EXPECT_TRUE(findAll("abc", "", true).empty());
    EXPECT_TRUE(findAll("ab", "abc", true).empty());
    EXPECT_EQ(findAll("end", "end", true), (std::vector<size_t>{0}));
}

TEST(TextFind, CaseInsensitiveFoldsAsciiOnly) {
    EXPECT_EQ(findAll("Self self SELF", "self", false), (std::vector<size_t>{0, 5, 10}));
    EXPECT_EQ(findAll("Self self SELF", "self", true), (std::vector<size_t>{5}));
    // "É" (C3 89) and "é" (C3 A9) differ beyond ASCII: they stay different.
    EXPECT_EQ(findAll("\xC3\x89t\xC3\xA9", "\xC3\xA9", false), (std::vector<size_t>{3}));
    // A match after a multi-byte character is at its byte offset.
    EXPECT_EQ(findAll("-- \xE2\x80\x94 x", "x", true), (std::vector<size_t>{7}));
}

TEST(TextFind, NextAndPreviousWrapAround) {
    const std::vector<size_t> m = {4, 10, 20};
    EXPECT_EQ(nextMatch(m, 0), 0);
    EXPECT_EQ(nextMatch(m, 4), 0); // a match at the position itself is next
    EXPECT_EQ(nextMatch(m, 5), 1);
    EXPECT_EQ(nextMatch(m, 21), 0); // past the last: wraps to the first
    EXPECT_EQ(previousMatch(m, 20), 1);
    EXPECT_EQ(previousMatch(m, 21), 2);
    EXPECT_EQ(previousMatch(m, 4), 2); // before the first: wraps to the last
    EXPECT_EQ(previousMatch(m, 0), 2);
    EXPECT_EQ(nextMatch({}, 3), -1);
    EXPECT_EQ(previousMatch({}, 3), -1);
}

TEST(TextFind, LineStartsAndEnds) {
    const std::string_view t = "ab\ncde\n\nf"; // lines: "ab", "cde", "", "f"
    EXPECT_EQ(lineCount(t), 4);
    EXPECT_EQ(lineStart(t, 1), 0u);
    EXPECT_EQ(lineStart(t, 2), 3u);
    EXPECT_EQ(lineStart(t, 3), 7u);
    EXPECT_EQ(lineStart(t, 4), 8u);
    EXPECT_EQ(lineStart(t, 9), 8u); // clamped to the last line
    EXPECT_EQ(lineStart(t, 0), 0u); // and to the first
    EXPECT_EQ(lineEnd(t, 1), 2u);
    EXPECT_EQ(lineEnd(t, 3), 7u);
    EXPECT_EQ(lineEnd(t, 4), 9u);
    EXPECT_EQ(lineCount(""), 1);
    EXPECT_EQ(lineCount("x\n"), 2);
    EXPECT_EQ(lineStart("x\n", 2), 2u);
    EXPECT_EQ(lineCount("a\r\nb"), 2);
}

TEST(TextFind, LineAndColumnOfAnOffset) {
    const std::string_view t = "ab\ncde\n\nf";
    EXPECT_EQ(lineColumnOf(t, 0).line, 1);
    EXPECT_EQ(lineColumnOf(t, 2).line, 1); // the '\n' belongs to its line
    EXPECT_EQ(lineColumnOf(t, 2).column, 2u);
    EXPECT_EQ(lineColumnOf(t, 3).line, 2);
    EXPECT_EQ(lineColumnOf(t, 3).column, 0u);
    EXPECT_EQ(lineColumnOf(t, 5).column, 2u);
    EXPECT_EQ(lineColumnOf(t, 7).line, 3);
    EXPECT_EQ(lineColumnOf(t, 9).line, 4);
    EXPECT_EQ(lineColumnOf(t, 9).column, 1u);
    EXPECT_EQ(lineColumnOf(t, 99).line, 4);                // past the end: the end
    EXPECT_EQ(lineColumnOf("\xC3\xA9x\ny", 2).column, 2u); // bytes, not characters
}
