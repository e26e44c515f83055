#pragma once
// The sandbox's pcall and xpcall (see protected_calls.cpp).
struct lua_State;

namespace scripting {

struct BudgetCell;

/// Pushes a table { pcall, xpcall } bound to `budget`.
void pushProtectedCalls(lua_State* L, BudgetCell* budget);

} // namespace scripting
