#include "scripting/script_api.h"

#include "identity/object_api.h"
#include "pool/pool_vm.h"
#include "pool/think_abi.h"
#include "scripting/main_vm.h"
#include "vm/stack_guard.h"

#include <lua.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

namespace scripting {

namespace {
// The field names of `typedef struct { ... } name;` in the FFI declarations.
std::vector<std::string> cdefFields(const std::string& structName) {
    const std::string cdef = kThinkCdef;
    const size_t end = cdef.find("} " + structName + ";");
    const size_t begin = cdef.rfind("typedef struct {", end);
    std::vector<std::string> names;
    if (end == std::string::npos || begin == std::string::npos)
        return names;
    std::string body = cdef.substr(begin + 16, end - begin - 16);
    std::stringstream statements(body);
    std::string statement;
    static const std::regex type("^\\s*(const\\s+)?\\w+\\s+");
    while (std::getline(statements, statement, ';')) {
        statement = std::regex_replace(statement, type, "");
        std::stringstream parts(statement);
        std::string name;
        while (std::getline(parts, name, ',')) {
            name.erase(std::remove_if(name.begin(), name.end(), ::isspace), name.end());
            if (!name.empty())
                names.push_back(name);
        }
    }
    return names;
}

std::vector<std::string> luaStrings(lua_State* L, int table, const char* key) {
    std::vector<std::string> out;
    lua_getfield(L, table, key);
    for (int i = 1;; ++i) {
        lua_rawgeti(L, -1, i);
        if (lua_type(L, -1) != LUA_TSTRING) {
            lua_pop(L, 1);
            break;
        }
        out.push_back(lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return out;
}
} // namespace

ScriptApi describeScriptApi(std::string* error) {
    ScriptApi api;
    api["Self"] = cdefFields("arena_self_view");
    api["Self"].insert(api["Self"].end(), std::begin(kSelfRandomFields),
                       std::end(kSelfRandomFields));
    api["World"] = cdefFields("arena_world_view");
    api["GameObject"] = objectFieldNames();
    api["Arena"] = arenaFunctionNames();
    api["DirectorInfo"] = MainVm::directorInfoFields();
    static ThinkFrame frame{};
    auto vm = PoolVm::create(&frame, defaultSandboxLimits(), error);
    if (!vm)
        return api;
    lua_State* L = vm->sandbox().state();
    STACK_GUARD(L, 0);
    vm->sandbox().pushHost("api");
    lua_call(L, 0, 1); // trusted: it builds lists of names
    for (const std::string& m : luaStrings(L, -1, "world_methods"))
        api["World"].push_back(m);
    api["EnemyScript"] = luaStrings(L, -1, "contract");
    lua_pop(L, 1);
    return api;
}

std::vector<std::string> checkAnnotations(const std::string& path, const std::string& text,
                                          const ScriptApi& api) {
    // class -> field -> line
    std::map<std::string, std::map<std::string, int>> annotated;
    std::map<std::string, int> classLine;
    std::string current;
    std::istringstream in(text);
    std::string line;
    static const std::regex classRe(R"(^---@class\s+(\w+))");
    static const std::regex fieldRe(R"(^---@field\s+(\w+)\??\s)");
    std::smatch m;
    for (int n = 1; std::getline(in, line); ++n) {
        if (std::regex_search(line, m, classRe)) {
            current = m[1];
            classLine[current] = n;
        } else if (!current.empty() && std::regex_search(line, m, fieldRe)) {
            annotated[current][m[1]] = n;
        } else if (line.rfind("---", 0) != 0) {
            current.clear();
        }
    }
    std::vector<std::string> problems;
    for (const auto& [cls, names] : api) {
        if (!classLine.count(cls)) {
            problems.push_back(path + ":1: no ---@class " + cls + " (the engine exposes it)");
            continue;
        }
        const std::set<std::string> engine(names.begin(), names.end());
        for (const auto& [field, n] : annotated[cls])
            if (!engine.count(field))
                problems.push_back(path + ":" + std::to_string(n) + ": " + cls + "." + field +
                                   " is annotated but the engine does not expose it");
        for (const std::string& field : engine)
            if (!annotated[cls].count(field))
                problems.push_back(path + ":" + std::to_string(classLine[cls]) + ": " + cls + "." +
                                   field + " is exposed by the engine but not annotated");
    }
    return problems;
}

} // namespace scripting
