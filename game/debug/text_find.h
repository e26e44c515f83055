#pragma once
// TextFind: the script editor's searches and line arithmetic over UTF-8 text, in byte offsets.
// Lines end at '\n' (as the editor shows them; a "\r\n" file has the same line numbers as in
// LuaJIT's errors). No ImGui here: the editor converts to its input's UTF-16 positions itself.
#include <cstddef>
#include <string_view>
#include <vector>

namespace game::text_find {

/// Byte offsets of every occurrence of `needle`, left to right, not overlapping ("aa" is found
/// once in "aaa"). Case-insensitive folds ASCII letters only; other bytes must match exactly.
/// Empty needle: no matches.
std::vector<size_t> findAll(std::string_view text, std::string_view needle, bool caseSensitive);

/// The index of the first match at or after `from`, wrapping around to the first; -1 if none.
int nextMatch(const std::vector<size_t>& matches, size_t from);
/// The index of the last match starting before `before`, wrapping around to the last; -1 if none.
int previousMatch(const std::vector<size_t>& matches, size_t before);

/// The number of lines (one more than the number of '\n').
int lineCount(std::string_view text);
/// The byte offset where 1-based `line` starts; lines out of range are clamped to 1..lineCount.
size_t lineStart(std::string_view text, int line);
/// The byte offset where 1-based `line` ends (its '\n', or the text's end); clamped as lineStart.
size_t lineEnd(std::string_view text, int line);

struct LineColumn {
    int line = 1;      // 1-based
    size_t column = 0; // bytes from the line's start
};
/// The line and column of a byte offset (an offset past the end is the end).
LineColumn lineColumnOf(std::string_view text, size_t offset);

} // namespace game::text_find
