// Runs the scriptcheck binary the way CI and script authors do.
#include "scripting/test_world.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>
#include <sys/wait.h>

namespace {
struct ToolRun {
    int exitCode;
    std::string output;
};

ToolRun scriptcheck(const std::string& args) {
    const std::string cmd = std::string(ARENA_BINARY_DIR) + "/scriptcheck " + args + " 2>&1";
    ToolRun r{-1, {}};
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe)
        return r;
    std::array<char, 4096> buf{};
    while (size_t n = fread(buf.data(), 1, buf.size(), pipe))
        r.output.append(buf.data(), n);
    const int status = pclose(pipe);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}
} // namespace

TEST(Scriptcheck, ShippedScriptsPass) {
    const ToolRun r = scriptcheck(testing_support::repoScripts());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("0 problem(s)"), std::string::npos) << r.output;
}

TEST(Scriptcheck, ReportsEachProblemAsFileLineMessage) {
    testing_support::TempScripts dir;
    dir.write("enemies/negative.lua", testing_support::fixture("contract/negative_hp.lua"));
    dir.write("enemies/writer.lua", testing_support::fixture("writes_self.lua"));
    dir.write("enemies/good.lua", testing_support::fixture("counter.lua"));
    const ToolRun r = scriptcheck(dir.root());
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(dir.root() +
                            "/enemies/negative.lua:4: hp must be a number from 0.01 to 1000000"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find(dir.root() +
                            "/enemies/writer.lua:5: attempt to write to read-only input 'self.x'"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("good.lua"), std::string::npos) << "a good script was reported:\n"
                                                            << r.output;
}

TEST(Scriptcheck, CatchesImpureThink) {
    testing_support::TempScripts dir;
    dir.write("enemies/impure.lua", R"(local calls = 0
return { name = "Impure", hp = 3, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world) calls = calls + 1 return calls % 50, 0 end })");
    const ToolRun r = scriptcheck(dir.root() + "/enemies/impure.lua");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("think is not pure"), std::string::npos) << r.output;
}

TEST(Scriptcheck, MissingInputsAndUsageErrorsFail) {
    EXPECT_EQ(scriptcheck("/no/such/script.lua").exitCode, 1);
    EXPECT_NE(scriptcheck("").exitCode, 0); // no input at all
}

TEST(Scriptcheck, ExecRunsEachChunkAndNeverHangs) {
    testing_support::TempScripts dir;
    dir.write("loop.lua", "while true do end");
    dir.write("value.lua", "return require('m').twice(21)");
    dir.write("lib/m.lua", "return { twice = function(x) return 2 * x end }");
    const ToolRun r = scriptcheck("--exec " + dir.root() + "/loop.lua " + dir.root() +
                                  "/value.lua --lib " + dir.root() + "/lib");
    EXPECT_EQ(r.exitCode, 1) << r.output; // one file failed
    EXPECT_NE(r.output.find("loop.lua: error: loop.lua:1: script exceeded its CPU budget"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("value.lua: result: 42"), std::string::npos) << r.output;
}

TEST(Scriptcheck, AnnotationsMustMatchWhatTheEngineExposes) {
    testing_support::TempScripts dir;
    dir.write("enemies/good.lua", testing_support::fixture("counter.lua"));
    std::string annotations = testing_support::fixtureFromRepo("scripts/types/arena.lua");
    dir.write("types/arena.lua", annotations);
    ToolRun r = scriptcheck(dir.root());
    EXPECT_EQ(r.exitCode, 0) << "the shipped annotations match:\n" << r.output;
    const size_t at = annotations.find("---@field rand2 number a second one");
    ASSERT_NE(at, std::string::npos);
    annotations.replace(at, 35, "---@field random2 number");
    dir.write("types/arena.lua", annotations);
    r = scriptcheck(dir.root());
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("Self.random2 is annotated but the engine does not expose it"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("Self.rand2 is exposed by the engine but not annotated"),
              std::string::npos)
        << r.output;
}

TEST(Scriptcheck, JitHealthFailsABehaviourThatFallsBackToTheInterpreter) {
    testing_support::TempScripts dir;
    dir.write("enemies/good.lua", testing_support::fixture("counter.lua"));
    // A closure made on every call is NYI for LuaJIT's trace compiler: every trace aborts.
    dir.write(
        "enemies/slow.lua",
        R"(return { name = "Slow", hp = 1, speed = 100, radius = 5, color = "#ffffff", score = 1,
  think = function(self, world)
    local f = function() return self.x end
    return f(), 0
  end })");
    const ToolRun r = scriptcheck("--jit " + dir.root() + " --processes 2");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("slow.lua: FALLS BACK TO THE INTERPRETER"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("good.lua: compiled"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("NYI"), std::string::npos) << "the abort reasons are printed:\n"
                                                       << r.output;
}

TEST(Scriptcheck, AThinkThatDependsOnTheThinksBeforeItIsNotPure) {
    testing_support::TempScripts dir;
    dir.write("enemies/remembers.lua", testing_support::fixture("remembers_last.lua"));
    const ToolRun r = scriptcheck(dir.root());
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("remembers.lua:1: think is not pure"), std::string::npos) << r.output;
}

TEST(Scriptcheck, HostileContractsAreReportedWithoutCrashing) {
    // Contract attacks once crashed scriptcheck (a std::string built from NULL).
    const ToolRun r =
        scriptcheck(std::string(ARENA_SOURCE_DIR) + "/tests/scripting/sandbox/hostile/contracts");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("memory_many_fields.lua:4: memory has more than 64 fields"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("think_only_through_index.lua"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("memory_flips_between_reads.lua"), std::string::npos) << r.output;
}
