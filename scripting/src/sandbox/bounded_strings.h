#pragma once
// Bounded pattern functions (find, match, gmatch, gsub) for the sandbox: see sandbox_strlib.cpp.
struct lua_State;

namespace scripting {

struct BudgetCell;

/// Pushes a table { find, match, gmatch, gsub } whose functions charge `budget`.
void pushBoundedStringFunctions(lua_State* L, BudgetCell* budget);

} // namespace scripting
