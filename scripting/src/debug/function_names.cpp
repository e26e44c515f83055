#include "debug/function_names.h"

#include "scripting/script_source.h"

#include <lua.hpp>

namespace scripting {

namespace {

bool nameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool keywordAt(std::string_view line, size_t at, std::string_view word) {
    return line.substr(at, word.size()) == word && (at == 0 || !nameChar(line[at - 1])) &&
           (at + word.size() >= line.size() || !nameChar(line[at + word.size()]));
}

} // namespace

std::string nameFromDefinition(std::string_view line) {
    size_t at = 0;
    while ((at = line.find("function", at)) != std::string_view::npos &&
           !keywordAt(line, at, "function"))
        ++at;
    if (at == std::string_view::npos)
        return "";
    // `function a.b:c(`: the name follows the keyword.
    size_t p = at + 8;
    while (p < line.size() && line[p] == ' ')
        ++p;
    size_t end = p;
    while (end < line.size() && (nameChar(line[end]) || line[end] == '.' || line[end] == ':'))
        ++end;
    if (end > p)
        return std::string(line.substr(p, end - p));
    // `a.b = function(`: the name is what the function is assigned to.
    size_t q = at;
    while (q > 0 && line[q - 1] == ' ')
        --q;
    if (q == 0 || line[q - 1] != '=' || (q >= 2 && line[q - 2] == '='))
        return "";
    --q;
    while (q > 0 && line[q - 1] == ' ')
        --q;
    size_t begin = q;
    while (begin > 0 && (nameChar(line[begin - 1]) || line[begin - 1] == '.'))
        --begin;
    return begin < q ? std::string(line.substr(begin, q - begin)) : "";
}

FunctionNames::FunctionNames(const ScriptFile* script, const std::vector<ScriptFile>* libs)
    : m_script(script), m_libs(libs) {
}

std::string FunctionNames::name(lua_State* L, lua_Debug* ar) {
    const std::string chunk = ar->source && ar->source[0] == '@' ? ar->source + 1 : "";
    const auto key = std::make_pair(chunk, ar->linedefined);
    if (const auto found = m_cache.find(key); found != m_cache.end())
        return found->second;
    std::string name;
    if (ar->linedefined == 0) {
        name = "main chunk";
    } else {
        const ScriptFile* file = m_script->chunkname == chunk ? m_script : nullptr;
        for (size_t i = 0; !file && i < m_libs->size(); ++i)
            if ((*m_libs)[i].chunkname == chunk)
                file = &(*m_libs)[i];
        if (file)
            name = nameFromDefinition(sourceLine(file->source, ar->linedefined));
    }
    if (name.empty() && lua_getinfo(L, "n", ar) && ar->name)
        name = ar->name; // a call site's name: raw data from the debug info, no code runs
    const auto& cached = m_cache.emplace(key, name.empty() ? std::string(1, '?') : name).first;
    return cached->second;
}

} // namespace scripting
