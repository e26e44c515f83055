// Programs that meet bugs of Debian 12's LuaJIT JIT (2.1.0-beta3, git 2022-03-20) which the
// sandbox works around: each program in luajit_quirks/ must give in the sandbox, JIT on, what the
// LuaJIT interpreter gives (`luajit -joff`). Plain `luajit` with the JIT on may not; that is the
// bug, and not this test's business.
#include "scripting/chunk_runner.h"
#include "scripting/sandbox/reference_luajit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace scripting;
using namespace testing_support;
namespace fs = std::filesystem;

namespace {
const fs::path kQuirks = fs::path(ARENA_SOURCE_DIR) / "tests/scripting/sandbox/luajit_quirks";
} // namespace

class LuaJitQuirks : public testing::TestWithParam<std::string> {};

TEST_P(LuaJitQuirks, TheSandboxGivesWhatTheInterpreterGives) {
    const std::string name = GetParam();
    const fs::path file = kQuirks / name;
    const std::string interpreter = plainLuaJitOutput(file, kQuirks, true);
    ASSERT_EQ(interpreter.rfind("result: ", 0), 0u) << interpreter;
    std::string error;
    auto runner = ChunkRunner::create(defaultSandboxLimits(), {}, &error);
    ASSERT_TRUE(runner) << error;
    const ChunkResult r =
        runner->run({fs::path(name).stem().string(), name, file.string(), readFile(file)});
    EXPECT_EQ(sandboxOutput(r), interpreter) << name;
    EXPECT_EQ(r.note, "") << name << " did not run instrumented (with the JIT)";
}

INSTANTIATE_TEST_SUITE_P(Programs, LuaJitQuirks, testing::ValuesIn(luaProgramsIn(kQuirks)),
                         programTestName);
