// ThinkTracer: one think re-run line by line gives the pool's intent exactly, shows every value
// without running script code, and survives hostile scripts.
#include "engine/core/tick.h"
#include "scripting/memory_layout.h"
#include "scripting/test_world.h"
#include "scripting/think_phase.h"
#include "scripting/think_trace.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstring>

using namespace scripting;
using testing_support::fixture;
using testing_support::TestWorld;

namespace {

ScriptFile enemyFixture(const std::string& name) {
    ScriptFile file;
    file.name = name.substr(0, name.size() - 4);
    file.chunkname = "enemies/" + name;
    file.source = fixture(name);
    return file;
}

std::unique_ptr<ThinkTracer> makeTracer(SandboxLimits limits = defaultSandboxLimits()) {
    std::string error;
    auto tracer = ThinkTracer::create(limits, &error);
    EXPECT_TRUE(tracer) << error;
    return tracer;
}

// One enemy of type 0 in a world after its first snapshot.
struct OneEnemy {
    TestWorld w;
    std::vector<engine::EnemyType> types{engine::EnemyType{}};
    OneEnemy() {
        w.add(0, {300.0f, 200.0f});
        w.snapshot();
    }
    ThinkTrace trace(ThinkTracer& tracer, const std::string& name) {
        return tracer.trace(ThinkTraceRequest{.world = w.world,
                                              .types = types,
                                              .seed = w.seed,
                                              .enemy = 0,
                                              .script = enemyFixture(name),
                                              .libs = {}});
    }
};

const TraceValue* find(const std::vector<TraceValue>& values, const std::string& name) {
    for (const TraceValue& v : values)
        if (v.name == name)
            return &v;
    return nullptr;
}

std::string valueOf(const std::vector<TraceValue>& values, const std::string& name) {
    const TraceValue* v = find(values, name);
    return v ? v->value : "(absent)";
}

std::string describe(const ThinkTrace& t) {
    std::string out;
    for (const TraceStep& s : t.steps) {
        out += s.chunk + ":" + std::to_string(s.line) + " d" + std::to_string(s.depth) + " " +
               s.function + " |";
        for (const TraceValue& v : s.locals)
            out += " " + v.name + "=" + v.value;
        out += " | up:";
        for (const TraceValue& v : s.upvalues)
            out += " " + v.name + "=" + v.value;
        out += " | mem:";
        for (const TraceValue& v : s.mem)
            out += " " + v.name + "=" + v.value;
        out += "\n";
    }
    return out;
}

std::vector<int> linesOf(const ThinkTrace& t) {
    std::vector<int> lines;
    for (const TraceStep& s : t.steps)
        lines.push_back(s.line);
    return lines;
}

std::string bytesOf(const engine::Intent& intent) {
    std::string out;
    const auto* p = reinterpret_cast<const unsigned char*>(&intent);
    char hex[4];
    for (size_t i = 0; i < sizeof intent; ++i) {
        std::snprintf(hex, sizeof hex, "%02x", p[i]);
        out += hex;
    }
    return out;
}

} // namespace

// traced.lua: think (lines 10-16) calls double (lines 2-5). A function's header line comes first:
// the budget check the instrumenter writes at the start of every body runs there. The call on
// line 12 returns into the middle of that line, which is no new line event.
TEST(ThinkTrace, RecordsEveryLineOfThinkAndOfWhatItCallsInOrder) {
    auto tracer = makeTracer();
    OneEnemy one;
    const ThinkTrace t = one.trace(*tracer, "traced.lua");
    ASSERT_TRUE(t.ok) << t.error;
    EXPECT_FALSE(t.truncated);
    EXPECT_EQ(linesOf(t), (std::vector<int>{10, 11, 12, 2, 3, 4, 13, 14, 15})) << describe(t);
    const std::vector<int> depths = {0, 0, 0, 1, 1, 1, 0, 0, 0};
    for (size_t i = 0; i < t.steps.size() && i < depths.size(); ++i) {
        EXPECT_EQ(t.steps[i].depth, depths[i]) << i;
        EXPECT_EQ(t.steps[i].chunk, "enemies/traced.lua");
        EXPECT_EQ(t.steps[i].function, depths[i] == 0 ? "think" : "double") << i;
    }
}

// down(3) runs lines 2, 3, 4 at depths 1, 2, 3 and lines 2, 3 at depth 4 (n = 0 returns on 3).
// Each return lands in the middle of its caller's line, with work left there (the `1 +` on line
// 4, think's return on line 10): the line is entered again, one level up each time.
TEST(ThinkTrace, DepthCountsTheCallsBetweenALineAndThink) {
    auto tracer = makeTracer();
    OneEnemy one;
    const ThinkTrace t = one.trace(*tracer, "traced_recursion.lua");
    ASSERT_TRUE(t.ok) << t.error;
    EXPECT_EQ(linesOf(t), (std::vector<int>{9, 10, 2, 3, 4, 2, 3, 4, 2, 3, 4, 2, 3, 4, 4, 4, 10}))
        << describe(t);
    std::vector<int> depths;
    for (const TraceStep& s : t.steps)
        depths.push_back(s.depth);
    EXPECT_EQ(depths, (std::vector<int>{0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 3, 2, 1, 0}));
    ASSERT_EQ(t.steps.size(), 17u);
    EXPECT_EQ(valueOf(t.steps[12].locals, "n"), "0");
    EXPECT_EQ(t.steps[12].function, "down");
    EXPECT_EQ(valueOf(t.steps[13].locals, "n"), "1");
    EXPECT_EQ(t.steps[16].function, "think");
    EXPECT_EQ(t.intent.velocity.x, 3.0f);
}

TEST(ThinkTrace, ShowsLocalsUpvaluesAndMemoryAsTheyAreAtEachLine) {
    auto tracer = makeTracer();
    OneEnemy one;
    const ThinkTrace t = one.trace(*tracer, "traced.lua");
    ASSERT_EQ(t.steps.size(), 9u) << describe(t);
    // Line 11, before `local a = 1.5` runs: only the parameters, the views by name.
    EXPECT_EQ(valueOf(t.steps[1].locals, "self"), "<self>");
    EXPECT_EQ(valueOf(t.steps[1].locals, "world"), "<world>");
    EXPECT_EQ(valueOf(t.steps[1].locals, "mem"), "<mem>");
    EXPECT_EQ(find(t.steps[1].locals, "a"), nullptr);
    EXPECT_EQ(valueOf(t.steps[1].upvalues, "double"), "function");
    EXPECT_EQ(t.steps[1].upvalues.size(), 1u) << "the instrumenter's check is hidden";
    // In double, line 4: v is a, r is 2v.
    EXPECT_EQ(valueOf(t.steps[5].locals, "v"), "1.5");
    EXPECT_EQ(valueOf(t.steps[5].locals, "r"), "3");
    // Line 13 (before mem.count += 1): the memory as the world held it (zero); line 14: one more.
    EXPECT_EQ(valueOf(t.steps[6].locals, "b"), "3");
    EXPECT_EQ(t.steps[6].mem, (std::vector<TraceValue>{{"count", "0"}}));
    EXPECT_EQ(t.steps[7].mem, (std::vector<TraceValue>{{"count", "1"}}));
    EXPECT_EQ(valueOf(t.steps[8].locals, "label"), "\"n1\"");
    // It returns b, a + #label ("n1": 2), no fire; the memory it wrote comes with the trace.
    EXPECT_EQ(t.intent.velocity.x, 3.0f);
    EXPECT_EQ(t.intent.velocity.y, 3.5f);
    EXPECT_EQ(t.intent.fire, 0);
    EXPECT_EQ(t.intent.faulted, 0);
    ASSERT_EQ(t.memory.size(), sizeof(int32_t));
    int32_t count = 0;
    std::memcpy(&count, t.memory.data(), sizeof count);
    EXPECT_EQ(count, 1);
}

// The randoms are computed when read, for the enemy the cursor names: tracing enemy 17 (at
// position 0 of the tracer's order) must give enemy 17's, in the intent and in the self view.
TEST(ThinkTrace, ATracedThinkReadsTheRandomsOfTheEnemyItTraces) {
    auto tracer = makeTracer();
    TestWorld w;
    for (int i = 0; i < 30; ++i)
        w.add(0, {10.0f * float(i), 200.0f});
    w.snapshot();
    const std::vector<engine::EnemyType> types{engine::EnemyType{}};
    const ThinkTrace t = tracer->trace(ThinkTraceRequest{.world = w.world,
                                                         .types = types,
                                                         .seed = w.seed,
                                                         .enemy = 17,
                                                         .script = enemyFixture("dice.lua"),
                                                         .libs = {}});
    ASSERT_TRUE(t.ok) << t.error;
    const glm::vec2 r =
        engine::TickRandoms(w.seed, w.world.tick).of(w.world.enemies.dense()[17].id);
    EXPECT_EQ(t.intent.velocity, r);
    EXPECT_EQ(std::stod(valueOf(t.self, "rand")), double(r.x));
    EXPECT_EQ(std::stod(valueOf(t.self, "rand2")), double(r.y));
}

TEST(ThinkTrace, ShowsTheViewsAsThinkSawThem) {
    auto tracer = makeTracer();
    OneEnemy one;
    const ThinkTrace t = one.trace(*tracer, "traced.lua");
    const engine::Enemy& e = one.w.world.enemies.dense()[0];
    EXPECT_EQ(valueOf(t.self, "x"), "300");
    EXPECT_EQ(valueOf(t.self, "y"), "200");
    EXPECT_EQ(valueOf(t.self, "speed"), "100");
    EXPECT_EQ(std::stod(valueOf(t.self, "rand")),
              double(engine::TickRandoms(one.w.seed, one.w.world.tick).of(e.id).x)); // exact
    EXPECT_EQ(std::stod(valueOf(t.self, "rand2")),
              double(engine::TickRandoms(one.w.seed, one.w.world.tick).of(e.id).y));
    EXPECT_EQ(valueOf(t.self, "age"), std::to_string(one.w.world.tick - e.spawnTick));
    EXPECT_EQ(valueOf(t.world, "tick"), std::to_string(one.w.world.tick));
    EXPECT_EQ(std::stod(valueOf(t.world, "player_x")), double(one.w.world.player.position.x));
    EXPECT_EQ(valueOf(t.world, "enemy_count"), "1");
}

TEST(ThinkTrace, FormatsValuesWithoutRunningScriptCode) {
    auto tracer = makeTracer();
    OneEnemy one;
    const ThinkTrace t = one.trace(*tracer, "traced_values.lua");
    ASSERT_TRUE(t.ok) << t.error;
    ASSERT_FALSE(t.steps.empty());
    const TraceStep& last = t.steps.back(); // line 15, the return: every local is set
    EXPECT_EQ(last.line, 15);
    const std::string table = valueOf(last.locals, "t");
    EXPECT_NE(table.find("x = \"y\""), std::string::npos) << table;
    EXPECT_NE(table.find("] = 7"), std::string::npos) << table;
    EXPECT_EQ(valueOf(last.locals, "s"), "\"a\\\"b\\n\"");
    EXPECT_EQ(valueOf(last.locals, "long"), "\"" + std::string(48, 'z') + "\"... (100 bytes)");
    EXPECT_EQ(valueOf(last.locals, "f"), "function");
    EXPECT_EQ(valueOf(last.locals, "yes"), "true");
    EXPECT_EQ(valueOf(last.locals, "none"), "nil");
    EXPECT_EQ(valueOf(last.locals, "tenth"), "0.1");
    // Its __tostring and __index raise: neither ran (the trace would have ended with that error).
    EXPECT_EQ(valueOf(last.locals, "sneaky"), "{}");
    EXPECT_EQ(valueOf(last.upvalues, "Sneaky"), "{}");
}

TEST(ThinkTrace, AnEndlessLoopEndsWithTheBudgetErrorAndACappedTrace) {
    auto tracer = makeTracer();
    OneEnemy one;
    ThinkTraceRequest request{.world = one.w.world,
                              .types = one.types,
                              .seed = one.w.seed,
                              .enemy = 0,
                              .script = enemyFixture("traced_endless.lua"),
                              .libs = {},
                              .maxSteps = 500};
    const ThinkTrace t = tracer->trace(request);
    EXPECT_FALSE(t.ok);
    EXPECT_NE(t.error.find("enemies/traced_endless.lua:6:"), std::string::npos) << t.error;
    EXPECT_NE(t.error.find("CPU budget"), std::string::npos) << t.error;
    EXPECT_TRUE(t.truncated);
    EXPECT_EQ(t.steps.size(), 500u);
    EXPECT_EQ(t.steps.back().line, 6);
    EXPECT_EQ(t.intent.faulted, 1);
    EXPECT_EQ(t.intent.velocity.x, 0.0f);
}

TEST(ThinkTrace, AFullTraceKeepsTheDefaultCap) {
    auto tracer = makeTracer();
    OneEnemy one;
    const auto start = std::chrono::steady_clock::now();
    const ThinkTrace t = one.trace(*tracer, "traced_endless.lua");
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(t.steps.size(), 20000u);
    EXPECT_TRUE(t.truncated);
    // Printed, never asserted: what the worst trace (the cap, then the budget) costs.
    std::printf("endless think: %zu steps recorded, %.1f ms to the budget's end\n", t.steps.size(),
                ms);
}

TEST(ThinkTrace, TheSizeCapTruncatesToo) {
    auto tracer = makeTracer();
    OneEnemy one;
    ThinkTraceRequest request{.world = one.w.world,
                              .types = one.types,
                              .seed = one.w.seed,
                              .enemy = 0,
                              .script = enemyFixture("traced_endless.lua"),
                              .libs = {},
                              .maxSteps = 100000,
                              .maxBytes = 20000};
    const ThinkTrace t = tracer->trace(request);
    EXPECT_TRUE(t.truncated);
    EXPECT_GT(t.steps.size(), 0u);
    EXPECT_LT(t.steps.size(), 100u); // each step holds far more than 200 bytes
}

TEST(ThinkTrace, AMemoryBombEndsWithTheMemoryError) {
    SandboxLimits limits = defaultSandboxLimits();
    limits.memoryBytes = size_t(16) << 20;
    auto tracer = makeTracer(limits);
    OneEnemy one;
    const ThinkTrace t = one.trace(*tracer, "traced_bomb.lua");
    EXPECT_FALSE(t.ok);
    EXPECT_NE(t.error.find("not enough memory"), std::string::npos) << t.error;
    EXPECT_NE(t.error.find("enemies/traced_bomb.lua"), std::string::npos) << t.error;
    ASSERT_FALSE(t.steps.empty());
    EXPECT_EQ(t.steps.back().line, 6);
    EXPECT_EQ(t.intent.faulted, 1);
    // The VM is usable afterwards.
    const ThinkTrace next = one.trace(*tracer, "traced.lua");
    EXPECT_TRUE(next.ok) << next.error;
}

// A loop too long to instrument (its body's jump would pass LuaJIT's limit once the checks are in)
// runs uninstrumented, charged by the sandbox's count hook: the tracer's line hook must keep
// passing the count events on, or this endless loop would never end.
TEST(ThinkTrace, AnUninstrumentedEndlessLoopEndsToo) {
    std::string body;
    for (int i = 0; i < 5500; ++i)
        body += "for i = 1, 1 do end\n";
    ScriptFile script{
        "long", "enemies/long.lua", "",
        "return {\n"
        "  name = \"Long\", hp = 3, speed = 100, radius = 10, color = \"#ffffff\", score = 1,\n"
        "  think = function(self, world)\n"
        "    while true do\n" +
            body +
            "    end\n"
            "  end,\n"
            "}\n"};
    auto tracer = makeTracer();
    OneEnemy one;
    const ThinkTrace t = tracer->trace(ThinkTraceRequest{.world = one.w.world,
                                                         .types = one.types,
                                                         .enemy = 0,
                                                         .script = script,
                                                         .libs = {},
                                                         .maxSteps = 1000});
    EXPECT_FALSE(t.ok);
    EXPECT_NE(t.error.find("CPU budget"), std::string::npos) << t.error;
    EXPECT_TRUE(t.truncated);
    EXPECT_EQ(t.steps.size(), 1000u);
    ASSERT_FALSE(t.steps.empty());
    // The loop's line, then its body; no step on think's header line, where only the
    // instrumenter's check would run: proof that this chunk runs uninstrumented.
    EXPECT_EQ(t.steps[0].line, 4);
    EXPECT_EQ(t.steps[1].line, 5);
    EXPECT_EQ(t.steps[2].line, 6);
}

TEST(ThinkTrace, ARuntimeErrorGivesFileLineMessageAndTheStepsUpToIt) {
    auto tracer = makeTracer();
    OneEnemy one;
    const ThinkTrace t = one.trace(*tracer, "traced_error.lua");
    EXPECT_FALSE(t.ok);
    EXPECT_EQ(t.error.rfind("enemies/traced_error.lua:7: attempt to index", 0), 0u) << t.error;
    EXPECT_EQ(linesOf(t), (std::vector<int>{4, 5, 6, 7}));
    EXPECT_EQ(valueOf(t.steps.back().locals, "here"), "1");
    EXPECT_EQ(valueOf(t.steps.back().locals, "t"), "nil");
    EXPECT_EQ(t.intent.faulted, 1);
}

TEST(ThinkTrace, AFailedTraceDoesNotChangeTheNextOne) {
    auto fresh = makeTracer();
    auto used = makeTracer();
    OneEnemy one;
    const ThinkTrace expected = one.trace(*fresh, "traced.lua");
    for (const char* hostile : {"traced_error.lua", "traced_endless.lua", "traced_bomb.lua"}) {
        one.trace(*used, hostile);
        const ThinkTrace t = one.trace(*used, "traced.lua");
        ASSERT_TRUE(t.ok) << hostile << ": " << t.error;
        EXPECT_EQ(describe(t), describe(expected)) << hostile;
        EXPECT_EQ(bytesOf(t.intent), bytesOf(expected.intent)) << hostile;
    }
}

TEST(ThinkTrace, AScriptThatDoesNotLoadIsAnError) {
    auto tracer = makeTracer();
    OneEnemy one;
    ScriptFile broken{"broken", "enemies/broken.lua", "", "return {"};
    const ThinkTrace t = tracer->trace(ThinkTraceRequest{
        .world = one.w.world, .types = one.types, .enemy = 0, .script = broken, .libs = {}});
    EXPECT_FALSE(t.ok);
    EXPECT_NE(t.error.find("enemies/broken.lua"), std::string::npos) << t.error;
    const ThinkTrace outOfRange = tracer->trace(ThinkTraceRequest{
        .world = one.w.world, .types = one.types, .enemy = 5, .script = broken, .libs = {}});
    EXPECT_FALSE(outOfRange.ok);
}

TEST(ThinkTrace, NamesTheModuleFunctionsThinkCalls) {
    const ScriptFiles files = readScriptFiles(testing_support::repoScripts());
    const ScriptFile* chaser = nullptr;
    for (const ScriptFile& f : files.enemies)
        if (f.chunkname == "enemies/chaser.lua")
            chaser = &f;
    ASSERT_TRUE(chaser);
    auto tracer = makeTracer();
    OneEnemy one;
    const ThinkTrace t = tracer->trace(ThinkTraceRequest{.world = one.w.world,
                                                         .types = one.types,
                                                         .seed = one.w.seed,
                                                         .enemy = 0,
                                                         .script = *chaser,
                                                         .libs = files.libs});
    ASSERT_TRUE(t.ok) << t.error;
    bool inSteer = false, sawDx = false; // dx is a local from toward's second line on
    for (const TraceStep& s : t.steps)
        if (s.chunk == "lib/steer.lua") {
            inSteer = true;
            EXPECT_EQ(s.function, "steer.toward");
            EXPECT_EQ(s.depth, 1);
            sawDx = sawDx || find(s.locals, "dx") != nullptr;
        }
    EXPECT_TRUE(inSteer) << describe(t);
    EXPECT_TRUE(sawDx) << describe(t);
}

// The determinism check: for every shipped script, at several ticks, the tracer's intent is the
// pool's, byte for byte (the pool writes into cleared intents here, so the fields the driver
// leaves alone, aim when not firing, are zero in both).
TEST(ThinkTrace, GivesThePoolsIntentForEveryShippedScript) {
    LuaThinkDef def = defaultLuaThinkDef();
    def.scriptsDir = testing_support::repoScripts();
    def.poolSize = 2;
    std::string error;
    auto phase = LuaThinkPhase::create(def, &error);
    ASSERT_TRUE(phase) << error;
    ASSERT_TRUE(phase->loadErrors().empty());
    const ScriptFiles files = phase->loadedFiles();
    ASSERT_GE(files.enemies.size(), 8u);
    const auto types = phase->types();
    auto tracer = makeTracer();
    double slowestMs = 0;
    std::string slowest;
    for (size_t slot = 0; slot < files.enemies.size(); ++slot) {
        SyntheticWorld w(40, uint16_t(slot), types[slot].speed, 7);
        int traced = 0;
        for (int tick = 1; tick <= 30; ++tick) {
            w.snapshot();
            std::fill(w.intents.begin(), w.intents.end(), engine::Intent{});
            const engine::World before = w.world; // the thinks write the memory in place
            phase->think(
                engine::ThinkContext{w.world, w.world.enemyMemory, types, w.seed, engine::kTickDt},
                w.intents);
            if (tick == 1 || tick == 12 || tick == 30) {
                for (uint32_t enemy : {0u, 17u, 39u}) {
                    const auto start = std::chrono::steady_clock::now();
                    const ThinkTrace t =
                        tracer->trace(ThinkTraceRequest{.world = before,
                                                        .types = types,
                                                        .seed = w.seed,
                                                        .enemy = enemy,
                                                        .script = files.enemies[slot],
                                                        .libs = files.libs});
                    const double ms = std::chrono::duration<double, std::milli>(
                                          std::chrono::steady_clock::now() - start)
                                          .count();
                    if (ms > slowestMs) {
                        slowestMs = ms;
                        slowest = files.enemies[slot].chunkname;
                    }
                    ASSERT_TRUE(t.ok) << files.enemies[slot].chunkname << ": " << t.error;
                    EXPECT_FALSE(t.truncated);
                    EXPECT_FALSE(t.steps.empty());
                    EXPECT_EQ(bytesOf(t.intent), bytesOf(w.intents[enemy]))
                        << files.enemies[slot].chunkname << " tick " << tick << " enemy " << enemy;
                    const uint8_t* written = w.world.memoryOf(w.world.enemies.dense()[enemy]);
                    ASSERT_EQ(t.memory.size(), w.world.enemyMemory.bytes(uint16_t(slot)));
                    EXPECT_TRUE(t.memory.empty() ||
                                std::memcmp(t.memory.data(), written, t.memory.size()) == 0)
                        << files.enemies[slot].chunkname << " tick " << tick << " enemy " << enemy;
                    ++traced;
                }
            }
        }
        EXPECT_EQ(traced, 9);
    }
    EXPECT_TRUE(phase->errors().entries().empty());
    // Timing is printed, never asserted (CONTRIBUTING.md): a trace should take well under 50 ms.
    std::printf("slowest trace of a shipped script: %.2f ms (%s)\n", slowestMs, slowest.c_str());
}

// A "what if" whose script lays its memory out differently reads it as a reload would carry it:
// same name and type kept, the rest zero. Without the world's layout, everything starts at zero.
TEST(ThinkTrace, AWhatIfWithAnotherMemoryLayoutReadsItAsAReloadWouldCarryIt) {
    auto tracer = makeTracer();
    OneEnemy one;
    MemoryLayout world;
    std::string error;
    ASSERT_TRUE(buildMemoryLayout({{"ticks", "int"}, {"last", "float"}}, &world, &error)) << error;
    one.w.world.enemyMemory.setBytes(0, world.size);
    std::string failed;
    ASSERT_TRUE(writeMemoryField(one.w.memory(one.w.world.enemies.dense()[0].id),
                                 *world.find("ticks"), 41, &failed))
        << failed;
    ScriptFile whatIf;
    whatIf.name = "whatif";
    whatIf.chunkname = "enemies/whatif.lua";
    whatIf.source =
        R"(return { name = "WhatIf", hp = 3, speed = 100, radius = 10, color = "#ffffff",
  score = 1, memory = { ticks = "int", extra = "double" },
  think = function(self, world, mem) mem.ticks = mem.ticks + 1 return mem.ticks, mem.extra end })";
    ThinkTraceRequest request{.world = one.w.world,
                              .types = one.types,
                              .seed = one.w.seed,
                              .enemy = 0,
                              .script = whatIf,
                              .libs = {},
                              .memoryLayout = &world};
    const ThinkTrace carried = tracer->trace(request);
    ASSERT_TRUE(carried.ok) << carried.error;
    EXPECT_EQ(carried.intent.velocity.x, 42.0f) << "ticks carried over";
    EXPECT_EQ(carried.intent.velocity.y, 0.0f) << "a new field starts at zero";
    EXPECT_EQ(carried.memory.size(), carried.layout.size);
    request.memoryLayout = nullptr;
    const ThinkTrace fresh = tracer->trace(request);
    ASSERT_TRUE(fresh.ok) << fresh.error;
    EXPECT_EQ(fresh.intent.velocity.x, 1.0f);
    // The world's own memory is never written by a trace.
    EXPECT_EQ(
        readMemoryField(one.w.memory(one.w.world.enemies.dense()[0].id), *world.find("ticks")),
        41.0);
}

// As in the pool: an enemy without a memory slot raises in the driver and faults.
TEST(ThinkTrace, AnEnemyWithoutAMemorySlotFaultsAsInThePool) {
    auto tracer = makeTracer();
    OneEnemy one;
    one.w.world.enemies.dense()[0].memorySlot = UINT32_MAX;
    const ThinkTrace t = one.trace(*tracer, "traced.lua");
    EXPECT_FALSE(t.ok);
    EXPECT_NE(t.error.find("has no memory slot"), std::string::npos) << t.error;
    EXPECT_EQ(t.intent.faulted, 1);
}
