// OnTraceOomRepair, through the LuaVm whose allocator uses it: the layout check passes on this
// LuaJIT, and a memory error raised on a trace is caught instead of crashing the process.
#include "scripting/vm/capped_run.h"
#include "vm/lua_vm.h"

#include <gtest/gtest.h>
#include <lua.hpp>

using scripting::LuaVm;
using testing_support::runCapped;

// The layout check of on_trace_oom.h passes on the LuaJIT this project builds with (Debian 12's):
// if it did not, the repair below would be off and memory bombs could crash the game again.
TEST(OnTraceOomRepair, IsActiveOnThisLuaJit) {
    std::string error;
    auto vm = LuaVm::create(size_t(8) << 20, &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_TRUE(vm->repairsOnTraceOom());
    // The check left the state as it found it.
    EXPECT_EQ(lua_gettop(vm->state()), 0);
    EXPECT_EQ(runCapped(*vm, "local s = 0 for i = 1, 1000 do s = s + i end assert(s == 500500)"),
              0);
}

// A memory bomb whose loop is compiled, run at different stack depths: the cap is reached on the
// trace, with L->base left by an earlier, deeper frame. Without the repair LuaJIT reads a dead
// slot (one of the strings below) as the running function and the process crashes.
TEST(OnTraceOomRepair, AnOutOfMemoryErrorOnACompiledTraceIsCaught) {
    std::string error;
    auto vm = LuaVm::create(size_t(16) << 20, &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_EQ(runCapped(*vm, R"(
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
