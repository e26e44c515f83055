#pragma once
// Runs trusted test code in a LuaVm under its cap, as script code runs; returns lua_pcall's status.
#include "vm/lua_vm.h"

#include <lua.hpp>

namespace testing_support {

inline int runCapped(scripting::LuaVm& vm, const char* code) {
    lua_State* L = vm.state();
    if (luaL_loadstring(L, code) != 0)
        return -1;
    scripting::LuaVm::Capped capped(vm);
    const int status = lua_pcall(L, 0, 0, 0);
    if (status != 0)
        lua_pop(L, 1);
    return status;
}

} // namespace testing_support
