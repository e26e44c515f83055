#pragma once
// ScriptApi: the names the engine actually exposes to scripts, per LuaLS class of
// scripts/types/arena.lua, and the check that the annotations still list exactly those.
#include <map>
#include <string>
#include <vector>

namespace scripting {

/// class name ("Self", "World", "GameObject", "Arena", "EnemyScript", "DirectorInfo") -> names.
using ScriptApi = std::map<std::string, std::vector<std::string>>;

/// Asks the engine: the FFI view structs, a sandboxed VM's world methods and contract fields,
/// the object and arena bindings, the director's info.
ScriptApi describeScriptApi(std::string* error);

/// Problems as "file:line: message": fields annotated that the engine lacks, and fields the
/// engine has that the annotations lack.
std::vector<std::string> checkAnnotations(const std::string& path, const std::string& text,
                                          const ScriptApi& api);

} // namespace scripting
