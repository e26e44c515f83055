#include "scripting/script_source.h"

#include <cctype>

namespace scripting {

namespace {
// Calls fn(lineNumber, text) for each line; stops when fn returns false.
template <class Fn> void forEachLine(std::string_view s, Fn fn) {
    size_t begin = 0;
    int line = 1;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && s[i] != '\n' && s[i] != '\r')
            continue;
        if (!fn(line, s.substr(begin, i - begin)))
            return;
        if (i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r') && s[i + 1] != s[i])
            ++i; // "\r\n" or "\n\r": one line break
        begin = i + 1;
        ++line;
    }
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}
bool isIdent(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80);
}

// Does `text` assign `key` at its start or after one of `{,;`?
bool assigns(std::string_view text, std::string_view key) {
    for (size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
        size_t before = at;
        while (before > 0 && isSpace(text[before - 1]))
            --before;
        const bool startOk = before == 0 || text[before - 1] == '{' || text[before - 1] == ',' ||
                             text[before - 1] == ';';
        if (!startOk || (at > 0 && isIdent(text[at - 1])))
            continue;
        size_t after = at + key.size();
        if (after < text.size() && isIdent(text[after]))
            continue;
        while (after < text.size() && isSpace(text[after]))
            ++after;
        if (after < text.size() && text[after] == '=' &&
            (after + 1 == text.size() || text[after + 1] != '='))
            return true;
    }
    return false;
}
} // namespace

std::string sourceLine(std::string_view source, int line) {
    std::string out;
    forEachLine(source, [&](int n, std::string_view text) {
        if (n != line)
            return n < line;
        out = std::string(text);
        return false;
    });
    return out;
}

int lineOfField(std::string_view source, std::string_view key) {
    int found = 0, lastReturn = 1;
    forEachLine(source, [&](int n, std::string_view text) {
        if (!key.empty() && assigns(text, key)) {
            found = n;
            return false;
        }
        size_t i = 0;
        while (i < text.size() && isSpace(text[i]))
            ++i;
        if (text.substr(i, 6) == "return" && (i + 6 == text.size() || !isIdent(text[i + 6])))
            lastReturn = n;
        return true;
    });
    return found ? found : lastReturn;
}

} // namespace scripting
