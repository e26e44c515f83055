#pragma once
// FunctionNames: a readable name for the function running at a trace step ("steer.toward"), read
// from the line of source where it is defined (`function steer.toward(`, `local function f(`,
// `think = function(`), since Lua itself only knows the name a call site used ("toward"), if any.
#include "scripting/script_files.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct lua_State;
struct lua_Debug;

namespace scripting {

/// The name a definition line gives the function defined on it, or "" (no `function` keyword,
/// or one without a name in front of or after it).
std::string nameFromDefinition(std::string_view line);

class FunctionNames {
public:
    /// The sources the names are read from (they must outlive this object).
    FunctionNames(const ScriptFile* script, const std::vector<ScriptFile>* libs);
    /// The name of the function `ar` describes (lua_getinfo "S" already done): from its source,
    /// else the name its caller used, else "?". Cached per definition.
    std::string name(lua_State* L, lua_Debug* ar);

private:
    const ScriptFile* m_script;
    const std::vector<ScriptFile>* m_libs;
    std::map<std::pair<std::string, int>, std::string> m_cache;
};

} // namespace scripting
