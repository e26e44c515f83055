// LuaVm: the cap holds only where script code runs (Capped), and host work at the cap never fails.
#include "scripting/sandbox_limits.h"
#include "vm/lua_vm.h"

#include <gtest/gtest.h>
#include <lua.hpp>

using scripting::LuaVm;

namespace {
int run(LuaVm& vm, const char* code) {
    lua_State* L = vm.state();
    if (luaL_loadstring(L, code) != 0)
        return -1;
    LuaVm::Capped capped(vm);
    const int status = lua_pcall(L, 0, 0, 0);
    if (status != 0)
        lua_pop(L, 1);
    return status;
}
} // namespace

TEST(LuaVm, TheCapIsAMemoryErrorInsideCappedCallsAndTheVmRecovers) {
    std::string error;
    auto vm = LuaVm::create(size_t(8) << 20, &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_EQ(run(*vm, "local t = {} for i = 1, 1e8 do t[i] = i end"), LUA_ERRMEM);
    EXPECT_LE(vm->memoryUsed(), vm->memoryCap());
    lua_gc(vm->state(), LUA_GCCOLLECT, 0);
    EXPECT_EQ(run(*vm, "local s = 0 for i = 1, 100 do s = s + i end assert(s == 5050)"), 0);
}

TEST(LuaVm, HostWorkOutsideCappedCallsIsNeverRefused) {
    // A script fills the VM to its cap and keeps it (a global here, trusted test code).
    std::string error;
    auto vm = LuaVm::create(size_t(4) << 20, &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_EQ(
        run(*vm,
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

// The layout check of on_trace_oom.h passes on the LuaJIT this project builds with (Debian 12's):
// if it did not, the repair below would be off and memory bombs could crash the game again.
TEST(LuaVm, TheOnTraceOutOfMemoryRepairIsActiveOnThisLuaJit) {
    std::string error;
    auto vm = LuaVm::create(size_t(8) << 20, &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_TRUE(vm->repairsOnTraceOom());
    // The check left the state as it found it.
    EXPECT_EQ(lua_gettop(vm->state()), 0);
    EXPECT_EQ(run(*vm, "local s = 0 for i = 1, 1000 do s = s + i end assert(s == 500500)"), 0);
}

// A memory bomb whose loop is compiled, run at different stack depths: the cap is reached on the
// trace, with L->base left by an earlier, deeper frame. Without the repair LuaJIT reads a dead
// slot (one of the strings below) as the running function and the process crashes.
TEST(LuaVm, AnOutOfMemoryErrorOnACompiledTraceIsCaught) {
    std::string error;
    auto vm = LuaVm::create(size_t(16) << 20, &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_EQ(run(*vm, R"(
        local function bomb() local s = "x" while true do s = s .. s end end
        local function at_depth(n, f)
          if n == 0 then local r = f() return r end
          local r = at_depth(n - 1, f) return r
        end
        local caught = 0
        for k = 1, 200 do
          local a, b, c, d = "xxxxxxxx", "xxxxxxxx", "xxxxxxxx", "xxxxxxxx"
          local ok, message = pcall(at_depth, k % 5, bomb)
          assert(not ok and message == "not enough memory", message)
          caught = caught + 1
        end
        assert(caught == 200)
    )"),
              0);
    EXPECT_LE(vm->memoryUsed(), vm->memoryCap());
}

TEST(LuaVm, TheCapIsAtMostTheLargestLuaJitCanKeepSafe) {
    std::string error;
    auto vm = LuaVm::create(size_t(4) << 30, &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_EQ(vm->memoryCap(), scripting::kMaxVmMemoryBytes);
}
