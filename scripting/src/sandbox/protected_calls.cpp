// pcall and xpcall as scripts see them. They behave as LuaJIT's own, with two differences a valid
// program never meets: a spent budget is raised again as the call returns (a script's pcall cannot
// swallow the end of its budget: the error is sticky), and a caught "not enough memory" is
// followed by a full collection (the script left its garbage at the cap; without one the very
// next allocation fails again).
//
// Why C and not Lua: a Lua wrapper is one more Lua frame, and error(msg, level) counts frames, so
// pcall(error, "m", 3) would name another line than plain LuaJIT does. A C function adds a frame
// without a position, as LuaJIT's own pcall does. Unlike LuaJIT's, it nests on the C stack, so it
// refuses to start when the C stack is deep already (arenaCStackRoom).
#include "sandbox/protected_calls.h"

#include "sandbox/budget.h"

#include <lua.hpp>

namespace scripting {

namespace {
BudgetCell* budgetOf(lua_State* L) {
    return static_cast<BudgetCell*>(lua_touserdata(L, lua_upvalueindex(1)));
}

void checkCStack(lua_State* L, BudgetCell* b, const char* name) {
    if (!arenaCStackRoom(b))
        luaL_error(
            L,
            "%s: calls nested too deep (pcall, xpcall and script code called from C, e.g. sort "
            "comparators, nest at most about 1 MiB of C stack)",
            name);
}

// Stack: [slot] results... (status 0) or [slot] error (otherwise). Puts the boolean in `slot`.
int finish(lua_State* L, BudgetCell* b, int status, int slot) {
    if (b->exhausted != 0) {
        lua_getfield(L, LUA_REGISTRYINDEX, "arena.budget_state"); // see sandbox/lua/budget.lua
        lua_getfield(L, -1, "message");
        lua_error(L);
    }
    if (status == LUA_ERRMEM)
        lua_gc(L, LUA_GCCOLLECT, 0);
    lua_pushboolean(L, status == 0);
    lua_replace(L, slot);
    return status == 0 ? lua_gettop(L) - slot + 1 : 2;
}

int sandboxPcall(lua_State* L) {
    luaL_checkany(L, 1);
    BudgetCell* b = budgetOf(L);
    checkCStack(L, b, "pcall");
    lua_pushnil(L); // the slot for the boolean, below the function
    lua_insert(L, 1);
    const int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
    if (status != 0) { // [nil] error: keep exactly those two
        lua_settop(L, 2);
    }
    return finish(L, b, status, 1);
}

int sandboxXpcall(lua_State* L) {
    luaL_checkany(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    BudgetCell* b = budgetOf(L);
    checkCStack(L, b, "xpcall");

    // [f, handler, args...] -> [handler, f, args...]: lua_pcall wants the handler below the call
    lua_pushvalue(L, 2);
    lua_remove(L, 2);
    lua_insert(L, 1);
    const int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 1);
    if (status != 0)
        lua_settop(L, 2);
    return finish(L, b, status, 1); // the handler's slot takes the boolean
}
} // namespace

void pushProtectedCalls(lua_State* L, BudgetCell* budget) {
    lua_createtable(L, 0, 2);
    lua_pushlightuserdata(L, budget);
    lua_pushcclosure(L, sandboxPcall, 1);
    lua_setfield(L, -2, "pcall");
    lua_pushlightuserdata(L, budget);
    lua_pushcclosure(L, sandboxXpcall, 1);
    lua_setfield(L, -2, "xpcall");
}

} // namespace scripting
