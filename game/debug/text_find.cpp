#include "game/debug/text_find.h"

#include <algorithm>

namespace game::text_find {

namespace {
char foldAscii(char c) {
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}
} // namespace

std::vector<size_t> findAll(std::string_view text, std::string_view needle, bool caseSensitive) {
    std::vector<size_t> matches;
    if (needle.empty() || needle.size() > text.size())
        return matches;
    const auto same = [&](char a, char b) {
        return caseSensitive ? a == b : foldAscii(a) == foldAscii(b);
    };
    for (size_t i = 0; i + needle.size() <= text.size();) {
        if (std::equal(needle.begin(), needle.end(), text.begin() + long(i), same)) {
            matches.push_back(i);
            i += needle.size();
        } else {
            ++i;
        }
    }
    return matches;
}

int nextMatch(const std::vector<size_t>& matches, size_t from) {
    if (matches.empty())
        return -1;
    const auto it = std::lower_bound(matches.begin(), matches.end(), from);
    return it == matches.end() ? 0 : int(it - matches.begin());
}

int previousMatch(const std::vector<size_t>& matches, size_t before) {
    if (matches.empty())
        return -1;
    const auto it = std::lower_bound(matches.begin(), matches.end(), before);
    return it == matches.begin() ? int(matches.size()) - 1 : int(it - matches.begin()) - 1;
}

int lineCount(std::string_view text) {
    return int(std::count(text.begin(), text.end(), '\n')) + 1;
}

size_t lineStart(std::string_view text, int line) {
    size_t offset = 0;
    for (int l = 1; l < line; ++l) {
        const size_t newline = text.find('\n', offset);
        if (newline == std::string_view::npos)
            break; // past the last line: the last line
        offset = newline + 1;
    }
    return offset;
}

size_t lineEnd(std::string_view text, int line) {
    const size_t newline = text.find('\n', lineStart(text, line));
    return newline == std::string_view::npos ? text.size() : newline;
}

LineColumn lineColumnOf(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    LineColumn at;
    size_t start = 0;
    for (size_t newline = text.find('\n'); newline != std::string_view::npos && newline < offset;
         newline = text.find('\n', newline + 1)) {
        ++at.line;
        start = newline + 1;
    }
    at.column = offset - start;
    return at;
}

} // namespace game::text_find
