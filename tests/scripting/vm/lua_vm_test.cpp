// LuaVm: the cap holds only where script code runs (Capped), and host work at the cap never fails.
#include "scripting/sandbox_limits.h"
#include "scripting/vm/capped_run.h"
#include "vm/lua_vm.h"

#include <gtest/gtest.h>
#include <lua.hpp>

using scripting::LuaVm;

using testing_support::runCapped;

TEST(LuaVm, TheCapIsAMemoryErrorInsideCappedCallsAndTheVmRecovers) {
    std::string error;
    auto vm = LuaVm::create(size_t(8) << 20, &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_EQ(runCapped(*vm, "local t = {} for i = 1, 1e8 do t[i] = i end"), LUA_ERRMEM);
    EXPECT_LE(vm->memoryUsed(), vm->memoryCap());
    lua_gc(vm->state(), LUA_GCCOLLECT, 0);
    EXPECT_EQ(runCapped(*vm, "local s = 0 for i = 1, 100 do s = s + i end assert(s == 5050)"), 0);
}

TEST(LuaVm, HostWorkOutsideCappedCallsIsNeverRefused) {
    // A script fills the VM to its cap and keeps it (a global here, trusted test code).
    std::string error;
    auto vm = LuaVm::create(size_t(4) << 20, &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_EQ(
        runCapped(
            *vm,
            "hoard = {} local ok = pcall(function() for i = 1, 1e8 do hoard[i] = {i} end end)"),
        0);
    EXPECT_GT(vm->memoryUsed(), vm->memoryCap() * 9 / 10);
    // The host now pushes and creates things: none of it may raise (it would be unprotected).
    lua_State* L = vm->state();
    for (int i = 0; i < 10000; ++i) {
        lua_createtable(L, 0, 4);
        lua_pushstring(L, "host work at the cap");
        lua_setfield(L, -2, "text");
        lua_pop(L, 1);
    }
    EXPECT_GT(vm->memoryUsed(), 0u);
}

TEST(LuaVm, OfFindsTheVmOfAState) {
    std::string error;
    auto vm = LuaVm::create(size_t(4) << 20, &error);
    ASSERT_TRUE(vm);
    EXPECT_EQ(&LuaVm::of(vm->state()), vm.get());
}

TEST(LuaVm, TheCapIsAtMostTheLargestLuaJitCanKeepSafe) {
    std::string error;
    auto vm = LuaVm::create(size_t(4) << 30, &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_EQ(vm->memoryCap(), scripting::kMaxVmMemoryBytes);
}
