// The sandbox against hostile code (tests/scripting/sandbox/hostile/<category>/*.lua). Each file
// says what must happen on its first line ("-- expect: error: TEXT" or "-- expect: result: VALUE"),
// and after each one the same VM must still run tests/scripting/sandbox/hostile/canary.lua with
// every library intact.
#include "engine/core/tick.h"
#include "scripting/chunk_runner.h"
#include "scripting/test_world.h"
#include "scripting/think_phase.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace scripting;
namespace fs = std::filesystem;

namespace {
const fs::path kHostile = fs::path(ARENA_SOURCE_DIR) / "tests/scripting/sandbox/hostile";

struct Expectation {
    bool error = false;
    std::string text;
};

Expectation expectationOf(const std::string& source, const std::string& name) {
    const std::string first = source.substr(0, source.find('\n'));
    Expectation e;
    if (first.rfind("-- expect: error: ", 0) == 0) {
        e.error = true;
        e.text = first.substr(18);
    } else if (first.rfind("-- expect: result: ", 0) == 0) {
        e.text = first.substr(19);
    } else {
        ADD_FAILURE() << name
                      << ": first line must be '-- expect: error: ...' or '-- expect: result: ...'";
    }
    return e;
}

std::unique_ptr<ChunkRunner> makeVm(SandboxLimits limits = defaultSandboxLimits(),
                                    size_t memoryLimit = defaultSandboxLimits().memoryBytes) {
    std::string error;
    limits.memoryBytes = memoryLimit;
    std::vector<ScriptFile> libs;
    std::vector<std::string> problems;
    readLibFiles((kHostile / "lib").string(), &libs, &problems);
    EXPECT_EQ(problems.size(), 1u) << "lib/bc.lua (bytecode) must be refused, and only it";
    auto vm = ChunkRunner::create(limits, libs, &error);
    EXPECT_TRUE(vm) << error;
    return vm;
}

// Runs a chunk: true and the description of its result, or false and the error.
bool runChunk(ChunkRunner& vm, const ScriptFile& file, std::string* result) {
    const ChunkResult r = vm.run(file);
    *result = r.value;
    return r.ok;
}

ScriptFile fileAt(const fs::path& path) {
    ScriptFile f;
    f.name = path.stem().string();
    f.chunkname = path.filename().string();
    f.path = path.string();
    std::string error;
    EXPECT_TRUE(readScriptFile(f.path, &f.source, &error)) << error;
    return f;
}
} // namespace

class HostileChunks : public testing::TestWithParam<std::string> {};

TEST_P(HostileChunks, FailCleanlyAndLeaveTheVmIntact) {
    const fs::path dir = kHostile / GetParam();
    // Memory bombs get a 16 MiB cap: they must reach it long before the 1 s wall-clock backstop,
    // also on a CI machine busy with other test processes (64 MiB took up to a second there).
    const bool bombs = GetParam() == "memory_bombs" || GetParam() == "host_cap";
    const size_t cap = bombs ? size_t(16) << 20 : defaultSandboxLimits().memoryBytes;
    auto vm = makeVm(defaultSandboxLimits(), cap);
    ASSERT_TRUE(vm);
    const ScriptFile canary = fileAt(kHostile / "canary.lua");
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const ScriptFile original = fileAt(entry.path());
        const Expectation expected = expectationOf(original.source, original.chunkname);
        // LuaJIT ends lines at "\n", "\r", "\r\n" and "\n\r": a file that reads the same to it must
        // be bounded the same (a CR-only file once escaped the instrumentation entirely).
        for (const char* eol : {"\n", "\r", "\r\n"}) {
            ScriptFile file = original;
            file.source.clear();
            for (char c : original.source)
                file.source += c == '\n' ? std::string(eol) : std::string(1, c);
            const std::string variant = file.chunkname + (eol[0] == '\n' ? ""
                                                          : eol[1]       ? " (CRLF)"
                                                                         : " (CR)");
            std::string result;
            const bool ok = runChunk(*vm, file, &result);
            EXPECT_EQ(ok, !expected.error) << variant << " -> " << result;
            EXPECT_NE(result.find(expected.text), std::string::npos)
                << variant << ": expected '" << expected.text << "' in: " << result;
            std::string canaryResult;
            EXPECT_TRUE(runChunk(*vm, canary, &canaryResult))
                << "after " << variant << ": " << canaryResult;
            EXPECT_EQ(canaryResult, "\"intact\"") << "after " << variant;
        }
        ++files;
    }
    EXPECT_GE(files, 3) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Categories, HostileChunks,
                         testing::Values("globals", "escapes", "tampering", "string_metatable",
                                         "bytecode", "require_traversal", "library_bombs",
                                         "cstack_recursion", "endless_loops", "memory_bombs",
                                         "error_objects", "library_work", "rep_bypass",
                                         "require_cycles", "host_cap", "blame"));

TEST(Sandbox, FfiViewsCannotBeWrittenIndexedOrTurnedIntoPointers) {
    const fs::path dir = kHostile / "ffi_views";
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const ScriptFile hostile = fileAt(entry.path());
        const Expectation expected = expectationOf(hostile.source, hostile.chunkname);
        testing_support::TempScripts scripts;
        scripts.write("enemies/a_hostile.lua", hostile.source);
        scripts.write("enemies/b_counter.lua", testing_support::fixture("counter.lua"));
        LuaThinkDef def = defaultLuaThinkDef();
        def.scriptsDir = scripts.root();
        def.poolSize = 1;
        std::string error;
        auto phase = LuaThinkPhase::create(def, &error);
        ASSERT_TRUE(phase) << error;
        ASSERT_EQ(phase->scripts().size(), 2u) << hostile.chunkname;
        testing_support::TestWorld w;
        w.add(0, {100, 100});
        w.add(0, {130, 100});
        w.add(1, {500, 500}, 1000.0f);
        for (int tick = 1; tick <= 3; ++tick) {
            w.snapshot();
            const auto types = phase->types();
            phase->think(
                engine::ThinkContext{w.world, w.world.enemyMemory, types, 1, engine::kTickDt},
                w.intents);
            // The honest script next to it is unaffected.
            EXPECT_EQ(w.intents[2].velocity.x, float(tick)) << hostile.chunkname;
            EXPECT_FALSE(w.intents[2].faulted);
        }
        if (expected.error) {
            ASSERT_FALSE(phase->errors().entries().empty())
                << hostile.chunkname << " raised nothing";
            const ScriptError& first = phase->errors().entries()[0].first;
            EXPECT_NE(first.message.find(expected.text), std::string::npos)
                << hostile.chunkname << ": expected '" << expected.text
                << "' in: " << first.message;
            EXPECT_EQ(first.file, "enemies/a_hostile.lua") << first.message;
            EXPECT_GE(first.line, 2) << first.message;
        } else {
            EXPECT_TRUE(phase->errors().entries().empty())
                << hostile.chunkname << ": " << phase->errors().entries()[0].first.message;
        }
        ++files;
    }
    EXPECT_GE(files, 10);
}

TEST(Sandbox, InstrumentationKeepsMeaningAndLineNumbers) {
    SandboxLimits plain = defaultSandboxLimits();
    plain.instrument = false;
    auto instrumented = makeVm();
    auto uninstrumented = makeVm(plain);
    ScriptFile torture{"t", "instrument_torture.lua", "",
                       testing_support::fixture("instrument_torture.lua")};
    std::string a, b;
    ASSERT_TRUE(runChunk(*instrumented, torture, &a)) << a;
    ASSERT_TRUE(runChunk(*uninstrumented, torture, &b)) << b;
    EXPECT_EQ(a, b);
    ScriptFile lines{"l", "error_after_long_string.lua", "",
                     testing_support::fixture("error_after_long_string.lua")};
    EXPECT_FALSE(runChunk(*instrumented, lines, &a));
    EXPECT_EQ(a.rfind("error_after_long_string.lua:7: boom on line 7", 0), 0u) << a;
}

TEST(Sandbox, TheBudgetStopsAtTheSamePlaceEveryTime) {
    // Deterministic budgets: a loop that counts until stopped reaches the same count in fresh VMs.
    ScriptFile f{
        "c", "count.lua", "",
        "local n = 0\nlocal ok = pcall(function() while true do n = n + 1 end end)\nreturn n"};
    std::string first;
    for (int run = 0; run < 3; ++run) {
        auto vm = makeVm();
        std::string result;
        EXPECT_FALSE(runChunk(*vm, f, &result)); // pcall does not swallow it: the chunk fails
        EXPECT_NE(result.find("count.lua:2: script exceeded its CPU budget"), std::string::npos)
            << result;
        if (run == 0)
            first = result;
        EXPECT_EQ(result, first);
    }
}

// Enemy scripts that attack the contract check (tests/scripting/sandbox/hostile/contracts/): each
// loads or fails with the message its first line announces, in every VM of a pool the same way,
// and nothing it returns reaches C++ unchecked.
TEST(Sandbox, HostileContractsLoadOrFailCleanly) {
    int files = 0;
    for (const auto& entry : fs::directory_iterator(kHostile / "contracts")) {
        ScriptFile file = fileAt(entry.path());
        file.chunkname = "enemies/" + file.chunkname;
        const Expectation expected = expectationOf(file.source, file.chunkname);
        testing_support::TempScripts scripts;
        scripts.write(file.chunkname, file.source);
        scripts.write("enemies/zz_canary.lua", testing_support::fixture("counter.lua"));
        LuaThinkDef def = defaultLuaThinkDef();
        def.scriptsDir = scripts.root();
        def.poolSize = 2;
        std::string error;
        auto phase = LuaThinkPhase::create(def, &error);
        ASSERT_TRUE(phase) << file.chunkname << ": " << error;
        const bool loaded = phase->scripts().size() == 2;
        if (expected.error) {
            ASSERT_FALSE(loaded) << file.chunkname << " loaded";
            ASSERT_EQ(phase->loadErrors().size(), 1u) << file.chunkname;
            const ScriptError& e = phase->loadErrors()[0];
            EXPECT_NE(e.message.find(expected.text), std::string::npos)
                << file.chunkname << ": expected '" << expected.text << "' in: " << e.message;
            EXPECT_EQ(e.message.rfind(file.chunkname + ":", 0), 0u) << e.message;
            EXPECT_GE(e.line, 2) << e.message;
        } else {
            EXPECT_TRUE(loaded) << file.chunkname << ": "
                                << (phase->loadErrors().empty() ? ""
                                                                : phase->loadErrors()[0].message);
            if (loaded) { // what the contract promises C++: a checked layout inside the enemy's
                          // memory
                EXPECT_LE(phase->scripts()[0].memory.size, engine::kEnemyMemoryBytes);
            }
        }
        ++files;
    }
    EXPECT_GE(files, 15);
}
