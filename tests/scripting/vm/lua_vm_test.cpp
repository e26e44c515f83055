#include "vm/lua_vm.h"

#include <gtest/gtest.h>
#include <lua.hpp>

using scripting::LuaVm;

TEST(LuaVm, RunsTextChunksAndReportsErrorsWithFileAndLine) {
    std::string error;
    auto vm = LuaVm::create(scripting::defaultLuaVmDef(), &error);
    ASSERT_TRUE(vm) << error;
    EXPECT_TRUE(vm->runString("x = 1 + 1", "ok.lua", &error)) << error;
    EXPECT_FALSE(vm->runString("\nerror('boom')", "bad.lua", &error));
    EXPECT_NE(error.find("bad.lua:2:"), std::string::npos) << error;
    EXPECT_NE(error.find("boom"), std::string::npos) << error;
    EXPECT_FALSE(vm->runString("local = 3", "syntax.lua", &error));
    EXPECT_NE(error.find("syntax.lua:1:"), std::string::npos) << error;
}

TEST(LuaVm, RefusesBytecode) {
    std::string error;
    auto vm = LuaVm::create(scripting::defaultLuaVmDef(), &error);
    ASSERT_TRUE(vm);
    EXPECT_FALSE(vm->runString(std::string("\x1bLJ\x02junk"), "bc.lua", &error));
    EXPECT_NE(error.find("bytecode"), std::string::npos) << error;
}

TEST(LuaVm, MemoryCapIsAScriptErrorAndTheVmRecovers) {
    scripting::LuaVmDef def = scripting::defaultLuaVmDef();
    def.memoryLimit = size_t(8) << 20;
    std::string error;
    auto vm = LuaVm::create(def, &error);
    ASSERT_TRUE(vm);
    EXPECT_FALSE(vm->runString("local t = {} for i = 1, 1e8 do t[i] = i end", "bomb.lua", &error));
    EXPECT_NE(error.find("not enough memory"), std::string::npos) << error;
    EXPECT_LE(vm->memoryUsed(), def.memoryLimit);
    lua_gc(vm->state(), LUA_GCCOLLECT, 0);
    EXPECT_TRUE(vm->runString("local s = 0 for i = 1, 100 do s = s + i end assert(s == 5050)", "after.lua", &error))
        << error;
}

TEST(LuaVm, NonStringErrorsAreReportedByTypeWithoutRunningMetamethods) {
    std::string error;
    auto vm = LuaVm::create(scripting::defaultLuaVmDef(), &error);
    ASSERT_TRUE(vm);
    EXPECT_FALSE(vm->runString("called = false error(setmetatable({}, {__tostring = function() called = true return 'x' end}))",
                               "obj.lua", &error));
    EXPECT_NE(error.find("table"), std::string::npos) << error;
    lua_getglobal(vm->state(), "called");
    EXPECT_FALSE(lua_toboolean(vm->state(), -1));
    lua_pop(vm->state(), 1);
}
