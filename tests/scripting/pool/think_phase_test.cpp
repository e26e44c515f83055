// LuaThinkPhase: scripts run on the pool against a real world, errors are contained and reported,
// memory persists, and the result does not depend on the pool size.
#include "engine/core/tick.h"
#include "pool/pool_vm.h"
#include "scripting/memory_layout.h"
#include "scripting/test_world.h"
#include "scripting/think_phase.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <iterator>
#include <vector>

using namespace scripting;
using testing_support::fixture;
using testing_support::TempScripts;
using testing_support::TestWorld;

namespace {
std::unique_ptr<LuaThinkPhase> makePhase(const std::string& root, int pool) {
    LuaThinkDef def = defaultLuaThinkDef();
    def.scriptsDir = root;
    def.poolSize = pool;
    std::string error;
    auto phase = LuaThinkPhase::create(def, &error);
    EXPECT_TRUE(phase) << error;
    return phase;
}

void think(LuaThinkPhase& phase, TestWorld& w) {
    w.snapshot();
    const auto types = phase.types();
    phase.think(engine::ThinkContext{w.world, w.world.enemyMemory, types, w.seed, engine::kTickDt},
                w.intents);
}

// Runs a one-script folder for one tick over n enemies and returns the first logged error.
std::string firstErrorOf(const std::string& fixtureName, int n = 4) {
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/" + fixtureName, fixture(fixtureName)}});
    auto phase = makePhase(scripts.root(), 1);
    if (!phase)
        return "(did not load)";
    TestWorld w;
    for (int i = 0; i < n; ++i)
        w.add(0, {100.0f + 10.0f * float(i), 100.0f});
    think(*phase, w);
    return phase->errors().entries().empty() ? "" : phase->errors().entries()[0].first.message;
}

// world.flock(radius) by its definition (scripts/README.md), in one loop over every candidate:
// the first 24 grid slots of the cells the circle touches, row by row, each weighted by a mask
// that is 1 inside the circle and not the enemy itself. views.lua takes two passes; this is the
// single loop it must agree with, bit for bit, for the positions the game makes (within 1e6).
struct FlockByDefinition {
    double sums[7] = {}; // sx, sy, ax, ay, cx, cy, n: what flock returns
    int scanned = 0, counted = 0;
    bool overflowMasked = false; // a masked candidate made 0 * inf = NaN
};
FlockByDefinition flockByDefinition(const engine::World& world, size_t i, double radius) {
    FlockByDefinition out;
    if (!(radius > 0))
        return out;
    radius = std::min(radius, 256.0);
    const engine::SpatialGrid& grid = world.enemyGrid;
    const engine::Enemy& e = world.enemies.dense()[i];
    const double x = double(e.position.x), y = double(e.position.y);
    const double inv = double(1.0f / grid.cellSize());
    const int cols = grid.columns(), rows = grid.rows();
    const auto clamp = [](double v, int last) { return int(std::clamp(v, 0.0, double(last))); };
    const int c0 = clamp(std::floor((x - radius) * inv), cols - 1),
              c1 = clamp(std::floor((x + radius) * inv), cols - 1),
              r0 = clamp(std::floor((y - radius) * inv), rows - 1),
              r1 = clamp(std::floor((y + radius) * inv), rows - 1);
    std::vector<uint32_t> candidates;
    for (int row = r0; row <= r1; ++row)
        for (uint32_t k = grid.cellStartData()[row * cols + c0];
             k < grid.cellStartData()[row * cols + c1 + 1] && candidates.size() < 24; ++k)
            candidates.push_back(k);
    const double mine = double(grid.slotData()[i]);
    const double r2 = radius * radius, invR2 = 1 / r2;
    double sx = 0, sy = 0, ax = 0, ay = 0, cx = 0, cy = 0, n = 0;
    for (uint32_t slot : candidates) {
        const engine::GridPoint& p = grid.pointData()[slot];
        const double px = double(p.position.x), py = double(p.position.y);
        const double dx = x - px, dy = y - py, d2 = dx * dx + dy * dy;
        const double m = std::max(0.0, std::min(1.0, (r2 - d2) * 1e30)) *
                         std::min(1.0, std::fabs(double(slot) - mine));
        const double w = m * (1 - d2 * invR2);
        sx += dx * w, sy += dy * w;
        ax += double(p.velocity.x) * m, ay += double(p.velocity.y) * m;
        cx += px * m, cy += py * m;
        n += m;
        out.counted += m > 0;
        out.overflowMasked |= m == 0 && std::isinf(d2 * invR2);
    }
    out.scanned = int(candidates.size());
    const double sums[7] = {sx, sy, ax / n, ay / n, cx / n - x, cy / n - y, n};
    if (n != 0)
        std::copy(std::begin(sums), std::end(sums), out.sums);
    return out;
}
} // namespace

TEST(LuaThink, WritingToSelfFailsNamingTheField) {
    const std::string e = firstErrorOf("writes_self.lua");
    EXPECT_NE(e.find("enemies/writes_self.lua:5:"), std::string::npos) << e;
    EXPECT_NE(e.find("'self.x'"), std::string::npos) << e;
}

TEST(LuaThink, WritingToTheWorldFailsNamingTheField) {
    const std::string e = firstErrorOf("writes_world.lua");
    EXPECT_NE(e.find("enemies/writes_world.lua:5:"), std::string::npos) << e;
    EXPECT_NE(e.find("'world.player_x'"), std::string::npos) << e;
}

TEST(LuaThink, WritingAnUndeclaredMemoryFieldFailsNamingIt) {
    const std::string e = firstErrorOf("writes_unknown_memory.lua");
    EXPECT_NE(e.find("enemies/writes_unknown_memory.lua:6:"), std::string::npos) << e;
    EXPECT_NE(e.find("\"cuont\""), std::string::npos) << e;
    EXPECT_NE(e.find("declared: count"), std::string::npos) << e;
}

TEST(LuaThink, CreatingAGlobalFailsWithNameFileLineAndAdvice) {
    const std::string e = firstErrorOf("creates_global.lua");
    EXPECT_NE(e.find("enemies/creates_global.lua:5:"), std::string::npos) << e;
    EXPECT_NE(e.find("\"last_x\""), std::string::npos) << e;
    EXPECT_NE(e.find("local"), std::string::npos) << e;
}

TEST(LuaThink, LibraryTablesAreReadOnly) {
    const std::string e = firstErrorOf("tampers_math.lua");
    EXPECT_NE(e.find("enemies/tampers_math.lua:5:"), std::string::npos) << e;
    EXPECT_NE(e.find("read-only library table 'math'"), std::string::npos) << e;
}

TEST(LuaThink, BadReturnValuesAreReportedWithTheScript) {
    const std::string e = firstErrorOf("bad_return.lua");
    EXPECT_NE(e.find("enemies/bad_return.lua:"), std::string::npos) << e;
    EXPECT_NE(e.find("think must return vx, vy as numbers"), std::string::npos) << e;
}

TEST(LuaThink, AnErrorStopsOnlyTheEntityThatRaisedIt) {
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/faulty.lua", fixture("faults_some.lua")}});
    for (int pool : {1, 2}) {
        auto phase = makePhase(scripts.root(), pool);
        ASSERT_TRUE(phase);
        TestWorld w;
        for (int i = 0; i < 300; ++i)
            w.add(0, {float(i % 40) * 30.0f, float(i / 40) * 30.0f});
        think(*phase, w);
        size_t faulted = 0;
        const auto enemies = w.world.enemies.dense();
        for (size_t i = 0; i < enemies.size(); ++i) {
            const double id = double(engine::packObjectId(enemies[i].id));
            const bool shouldFault = std::fmod(id, 3.0) == 0.0;
            EXPECT_EQ(bool(w.intents[i].faulted), shouldFault) << "entity " << i;
            if (!shouldFault) {
                EXPECT_EQ(w.intents[i].velocity, glm::vec2(1.0f, 2.0f)) << "entity " << i;
            } else {
                EXPECT_EQ(w.intents[i].velocity, glm::vec2(0.0f));
                ++faulted;
            }
        }
        ASSERT_GT(faulted, 50u);
        // One deduplicated entry per distinct message; the total counts every fault.
        EXPECT_EQ(phase->errors().total(), faulted);
        uint64_t perVm = 0;
        for (const VmStats& s : phase->stats().lastTick)
            perVm += s.errors;
        EXPECT_EQ(perVm, faulted);
        const ScriptError& first = phase->errors().entries().at(0).first;
        EXPECT_EQ(first.script, "faulty");
        EXPECT_EQ(first.file, "enemies/faulty.lua");
        EXPECT_EQ(first.line, 6);
        EXPECT_EQ(first.tick, w.world.tick);
        EXPECT_NE(first.entity, 0u);
        EXPECT_GE(first.vm, 0);
        EXPECT_NE(first.traceback.find("stack traceback:"), std::string::npos) << first.traceback;
        EXPECT_NE(first.traceback.find("enemies/faulty.lua:6"), std::string::npos)
            << first.traceback;
        EXPECT_EQ(first.message.find("stack traceback"), std::string::npos)
            << "the message is one line";
    }
}

TEST(LuaThink, FaultedEnemiesOfAGroupedWorldDoNotThinkAgain) {
    // The game keeps enemies grouped by type, so batches come straight from the runs and still
    // hold the faulted enemies: they must be skipped, not run (and fault) again every tick.
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/faulty.lua", fixture("faults_some.lua")}});
    for (int pool : {1, 2}) {
        auto phase = makePhase(scripts.root(), pool);
        ASSERT_TRUE(phase);
        TestWorld w;
        for (int i = 0; i < 300; ++i) {
            engine::Enemy e;
            e.position = {float(i % 40) * 30.0f, float(i / 40) * 30.0f};
            e.speed = 100.0f;
            w.world.addEnemy(e);
        }
        think(*phase, w);
        const uint64_t faulted = phase->errors().total();
        ASSERT_GT(faulted, 50u);
        for (size_t i = 0; i < w.world.enemies.size(); ++i) // what the game's apply does
            if (w.intents[i].faulted)
                w.world.enemies.dense()[i].flags |= engine::kEnemyFaulted;
        const auto thoughtLastTick = [&] {
            uint64_t thought = 0;
            for (const VmStats& s : phase->stats().lastTick)
                thought += s.entities;
            return thought;
        };
        think(*phase, w); // the snapshot lists them
        ASSERT_TRUE(w.world.snapshotCurrent());
        EXPECT_EQ(w.world.faultedEnemies, faulted);
        EXPECT_EQ(phase->errors().total(), faulted) << "a faulted enemy thought again";
        EXPECT_EQ(thoughtLastTick(), 300u - faulted);
        // A change since the snapshot (one more enemy): the list is stale, every record is read.
        engine::Enemy late;
        late.position = {10.0f, 10.0f};
        w.world.addEnemy(late);
        w.intents.resize(w.world.enemies.size());
        ASSERT_FALSE(w.world.snapshotCurrent());
        const auto types = phase->types();
        phase->think(
            engine::ThinkContext{w.world, w.world.enemyMemory, types, w.seed, engine::kTickDt},
            w.intents);
        EXPECT_EQ(phase->errors().total(), faulted) << "a faulted enemy thought again";
        EXPECT_EQ(thoughtLastTick(), 301u - faulted);
    }
}

TEST(LuaThink, MemoryIsReadAsLastTicksAndWrittenAsNextTicks) {
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/counter.lua", fixture("counter.lua")}});
    auto phase = makePhase(scripts.root(), 2);
    ASSERT_TRUE(phase);
    TestWorld w;
    for (int i = 0; i < 200; ++i)
        w.add(0, {float(i) * 5.0f, 300.0f}, 1000.0f);
    for (int tick = 1; tick <= 5; ++tick) {
        think(*phase, w);
        const engine::TickRandoms randoms(w.seed, w.world.tick);
        const auto dense = w.world.enemies.dense();
        for (size_t i = 0; i < w.intents.size(); ++i) {
            ASSERT_EQ(w.intents[i].velocity.x, float(tick)) << "entity " << i << " tick " << tick;
            ASSERT_EQ(w.intents[i].velocity.y, randoms.of(dense[i].id).x); // self.rand
        }
    }
    // The memory lives in the script's own pool, in its layout: one int per enemy, ticks counted.
    const MemoryLayout& layout = phase->scripts()[0].memory;
    ASSERT_EQ(w.world.enemyMemory.bytes(0), layout.size);
    for (const engine::Enemy& e : w.world.enemies.dense()) {
        const uint8_t* memory = w.world.memoryOf(e);
        ASSERT_NE(memory, nullptr);
        EXPECT_EQ(readMemoryField(memory, *layout.find("ticks")), 5.0);
    }
}

TEST(LuaThink, AnEnemyWithoutAMemorySlotFaultsAndTheOthersThink) {
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/counter.lua", fixture("counter.lua")}});
    auto phase = makePhase(scripts.root(), 1);
    ASSERT_TRUE(phase);
    TestWorld w;
    for (int i = 0; i < 3; ++i)
        w.add(0, {float(i) * 50.0f, 300.0f}, 1000.0f);
    w.world.enemies.dense()[1].memorySlot = UINT32_MAX; // made by hand, past World::addEnemy
    think(*phase, w);
    ASSERT_EQ(phase->errors().entries().size(), 1u);
    EXPECT_NE(phase->errors().entries()[0].first.message.find("has no memory slot"),
              std::string::npos)
        << phase->errors().entries()[0].first.message;
    EXPECT_TRUE(w.intents[1].faulted);
    EXPECT_EQ(w.intents[0].velocity.x, 1.0f);
    EXPECT_EQ(w.intents[2].velocity.x, 1.0f);
}

TEST(LuaThink, ModulesFromLibAndTheWorldViewAreAvailable) {
    TempScripts scripts(std::map<std::string, std::string>{
        {"enemies/lib_user.lua", fixture("uses_lib.lua")},
        {"lib/helpers/double.lua", "local M = {} function M.double(x) return 2 * x end return M"}});
    auto phase = makePhase(scripts.root(), 1);
    ASSERT_TRUE(phase);
    TestWorld w;
    w.add(0, {100.0f, 100.0f});
    think(*phase, w);
    EXPECT_TRUE(phase->errors().entries().empty());
    EXPECT_FLOAT_EQ(w.intents[0].velocity.x, 2.0f * (w.world.player.position.x - 100.0f));
    EXPECT_FLOAT_EQ(w.intents[0].velocity.y, w.world.size.x);
}

TEST(LuaThink, NeighbourHelpersSeeTheRightNeighbours) {
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/n.lua", fixture("neighbours.lua")}});
    auto phase = makePhase(scripts.root(), 1);
    ASSERT_TRUE(phase);
    TestWorld w;
    // A row at x = 100, 130, 160, 190, 400: the first four are within 100 of each other's
    // neighbours, the last is alone.
    for (float x : {100.0f, 130.0f, 160.0f, 190.0f, 400.0f})
        w.add(0, {x, 300.0f});
    think(*phase, w);
    ASSERT_TRUE(phase->errors().entries().empty()) << phase->errors().entries()[0].first.message;
    const float expectedCount[] = {3, 3, 3, 3, 0};
    const float expectedNearest[] = {130, 100, 130, 160, -1}; // ties: either side is nearest
    for (size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(w.intents[i].velocity.x, expectedCount[i]) << i;
        EXPECT_EQ(w.intents[i].aim.x, expectedCount[i]) << "flock count " << i;
        if (i == 2) {
            EXPECT_TRUE(w.intents[i].velocity.y == 130.0f || w.intents[i].velocity.y == 190.0f);
        } else {
            EXPECT_EQ(w.intents[i].velocity.y, expectedNearest[i]) << i;
        }
    }
}

TEST(LuaThink, FlockGivesTheSumsOfItsDefinitionBitForBit) {
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/flock.lua", fixture("flock_report.lua")}});
    auto phase = makePhase(scripts.root(), 2);
    ASSERT_TRUE(phase);
    const MemoryLayout& layout = phase->scripts()[0].memory;
    // The swarm's radius and others; the cap and past it; nothing; and radii so small that d²/r²
    // overflows (a masked candidate then adds 0 * inf = NaN to the separation) or r² is 0.
    const double radii[] = {60,     100,    0.5,    256, 1000, 1e-139,  1e-141,
                            1e-153, 1e-160, 1e-200, 0,   -5,   INFINITY};
    const size_t kinds = std::size(radii);
    TestWorld w;
    engine::Rng rng(7);
    std::vector<engine::ObjectId> ids;
    // Enemies stacked two by two come first, so they are among the first slots of their cells;
    // then a crowd of ~200 per cell; a sparse scattering; and enemies outside the arena.
    for (int pair = 0; pair < 60; ++pair) {
        const glm::vec2 at{rng.range(300.0f, 500.0f), rng.range(300.0f, 500.0f)};
        ids.push_back(w.add(0, at));
        ids.push_back(w.add(0, at));
    }
    for (int i = 0; i < 2000; ++i)
        ids.push_back(w.add(0, {rng.range(300.0f, 500.0f), rng.range(300.0f, 500.0f)}));
    for (int i = 0; i < 60; ++i)
        ids.push_back(w.add(0, {rng.range(0.0f, w.world.size.x), rng.range(0.0f, w.world.size.y)}));
    for (int i = 0; i < 40; ++i)
        ids.push_back(w.add(0, {rng.range(-60.0f, w.world.size.x + 60.0f), -30.0f}));
    w.world.enemyMemory.setBytes(0, layout.size);
    for (size_t i = 0; i < ids.size(); ++i) {
        engine::Enemy* e = w.world.enemies.get(ids[i]);
        e->velocity = {rng.range(-50.0f, 50.0f), rng.range(-50.0f, 50.0f)};
        ASSERT_TRUE(writeMemoryField(w.memory(ids[i]), *layout.find("radius"),
                                     radii[(i / 2 + i) % kinds], nullptr));
    }
    think(*phase, w);
    ASSERT_TRUE(phase->errors().entries().empty()) << phase->errors().entries()[0].first.message;
    const char* names[] = {"sx", "sy", "ax", "ay", "cx", "cy", "n"};
    int someOutside = 0, noneInside = 0, overflowMasked = 0, nans = 0;
    for (size_t i = 0; i < ids.size(); ++i) {
        const engine::Enemy& e = *w.world.enemies.get(ids[i]);
        const size_t dense = size_t(&e - w.world.enemies.dense().data());
        const uint8_t* memory = w.memory(ids[i]);
        const double radius = readMemoryField(memory, *layout.find("radius"));
        const FlockByDefinition expected = flockByDefinition(w.world, dense, radius);
        someOutside += expected.counted > 0 && expected.counted < expected.scanned;
        noneInside += expected.counted == 0 && expected.scanned > 0;
        overflowMasked += expected.overflowMasked && expected.counted > 0;
        for (int k = 0; k < 7; ++k) {
            const double got = readMemoryField(memory, *layout.find(names[k]));
            const double want = expected.sums[k];
            nans += std::isnan(want);
            ASSERT_TRUE(std::isnan(got) ? std::isnan(want)
                                        : std::memcmp(&got, &want, sizeof got) == 0)
                << "enemy " << i << " radius " << radius << ": " << names[k] << " = " << got
                << ", by definition " << want;
        }
    }
    // The cases that matter were there: candidates skipped beside counted ones, none counted, and
    // a masked candidate's NaN beside counted ones (what the keep-all radius is for).
    EXPECT_GT(someOutside, 500);
    EXPECT_GT(noneInside, 100);
    EXPECT_GT(overflowMasked, 0);
    EXPECT_GT(nans, 0);
}

// Positions the game never makes (spawns are checked, velocities clamped, positions clamped to the
// arena). The neighbour helpers index the frame's arrays, which the FFI does not check, with
// numbers computed from positions: NaN and infinite ones must keep every index in range and
// raise nothing. (Before, a NaN position made NaN indices, which LuaJIT's conversion on x64
// happened to send to element 0.)
TEST(LuaThink, NeighbourHelpersKeepTheirIndicesInRangeAtNonFinitePositions) {
    TempScripts scripts(std::map<std::string, std::string>{
        {"enemies/anywhere.lua", fixture("neighbours_anywhere.lua")}});
    auto phase = makePhase(scripts.root(), 1);
    ASSERT_TRUE(phase);
    TestWorld w;
    engine::Rng rng(3);
    const float nan = std::nanf(""), inf = INFINITY;
    const std::vector<glm::vec2> odd = {{nan, 400},   {400, nan},   {nan, nan}, {inf, 400},
                                        {inf, 400},   {-inf, 30},   {30, inf},  {inf, inf},
                                        {1e30f, 420}, {-1e30f, 420}};
    for (int i = 0; i < 300; ++i) {
        w.add(0, {rng.range(350.0f, 450.0f), rng.range(350.0f, 450.0f)});
        if (i % 30 == 0)
            w.add(0, odd[size_t(i / 30)]);
    }
    for (int tick = 0; tick < 5; ++tick) { // the later ticks run compiled traces
        think(*phase, w);
        ASSERT_TRUE(phase->errors().entries().empty())
            << phase->errors().entries()[0].first.message;
        for (size_t i = 0; i < w.world.enemies.size(); ++i) {
            const float found = w.intents[i].velocity.x;
            EXPECT_TRUE(found >= 0 && found <= 8) << "enemy " << i << " found " << found;
        }
    }
}

TEST(LuaThink, NeighbourIndexIsChecked) {
    const std::string e = firstErrorOf("bad_neighbor_index.lua");
    EXPECT_NE(e.find("enemies/bad_neighbor_index.lua:6:"), std::string::npos) << e;
    EXPECT_NE(e.find("index out of range"), std::string::npos) << e;
}

TEST(LuaThink, StatsAddUp) {
    auto phase = makePhase(testing_support::repoScripts(), 2);
    ASSERT_TRUE(phase);
    TestWorld w;
    const size_t types = phase->scripts().size();
    for (int i = 0; i < 5000; ++i)
        w.add(uint16_t(size_t(i) % types), {float(i % 100) * 16.0f, float(i / 100) * 18.0f});
    for (int tick = 0; tick < 20; ++tick) {
        const auto start = std::chrono::steady_clock::now();
        think(*phase, w);
        const double wallMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        uint64_t entities = 0, batches = 0;
        for (const VmStats& s : phase->stats().lastTick) {
            entities += s.entities;
            batches += s.batches;
            EXPECT_LE(s.busyMs, phase->stats().lastThinkWallMs + 1e-6)
                << "a VM was busy longer than the phase";
            EXPECT_GT(s.luaBytes, 0u);
        }
        EXPECT_EQ(entities, w.world.enemies.size());
        EXPECT_GE(batches, types);
        EXPECT_LE(phase->stats().lastThinkWallMs, wallMs + 1e-6);
    }
    EXPECT_TRUE(phase->errors().entries().empty());
}

TEST(LuaThink, IntentsDoNotDependOnThePoolSize) {
    std::vector<std::vector<engine::Intent>> results;
    for (int pool : {1, 2, 4}) {
        auto phase = makePhase(testing_support::repoScripts(), pool);
        ASSERT_TRUE(phase);
        TestWorld w;
        const size_t types = phase->scripts().size();
        engine::Rng rng(5);
        for (int i = 0; i < 3000; ++i)
            w.add(uint16_t(size_t(i) % types), {rng.range(0, 1600), rng.range(0, 900)}, 200.0f);
        for (int tick = 0; tick < 10; ++tick) {
            think(*phase, w);
        }
        results.push_back(w.intents);
    }
    for (size_t r = 1; r < results.size(); ++r)
        for (size_t i = 0; i < results[0].size(); ++i)
            ASSERT_EQ(
                std::memcmp(&results[0][i], &results[r][i], offsetof(engine::Intent, faulted) + 1),
                0)
                << "entity " << i << " differs with pool size index " << r;
}

TEST(LuaThink, IntentsHandedToApplyRangeAreTheOnesTheArrayWouldGet) {
    // In a grouped world the phase hands each batch's intents to applyRange from its VM's buffer
    // and leaves the tick's array alone: the same intents, each enemy once, the faulted never.
    TempScripts scripts(std::map<std::string, std::string>{
        {"enemies/faulty.lua", fixture("faults_some.lua")},
        {"enemies/chaser.lua", testing_support::fixtureFromRepo("scripts/enemies/chaser.lua")},
        {"enemies/sniper.lua", testing_support::fixtureFromRepo("scripts/enemies/sniper.lua")}});
    for (int pool : {1, 2}) {
        auto phase = makePhase(scripts.root(), pool);
        ASSERT_TRUE(phase);
        const auto types = phase->types();
        const auto populate = [&](TestWorld& w) {
            engine::Rng rng(9);
            for (int i = 0; i < 3000; ++i) {
                engine::Enemy e;
                e.type = uint16_t(size_t(i) % types.size());
                e.position = {rng.range(0, 1600), rng.range(0, 900)};
                e.speed = 150.0f;
                w.world.addEnemy(e); // grouped by type, as the game keeps them
            }
            w.snapshot();
        };
        TestWorld plain, fused;
        populate(plain);
        populate(fused);
        phase->think(engine::ThinkContext{plain.world, plain.world.enemyMemory, types, plain.seed,
                                          engine::kTickDt},
                     plain.intents);
        const uint64_t faults = phase->errors().total();
        ASSERT_GT(faults, 0u);

        std::vector<engine::Intent> handed(fused.world.enemies.size());
        std::vector<uint8_t> times(fused.world.enemies.size(), 0);
        const std::function<void(int, uint32_t, uint32_t, const engine::Intent*)> applyRange =
            [&](int, uint32_t first, uint32_t last, const engine::Intent* intents) {
                for (uint32_t i = first; i < last; ++i) { // ranges never overlap: no lock
                    handed[i] = intents[i - first];
                    ++times[i];
                }
            };
        engine::ThinkContext context{fused.world, fused.world.enemyMemory, types, fused.seed,
                                     engine::kTickDt};
        context.applyRange = &applyRange;
        const engine::Intent untouched{};
        std::fill(fused.intents.begin(), fused.intents.end(), untouched);
        phase->think(context, fused.intents);
        ASSERT_EQ(phase->errors().total(), 2 * faults);

        size_t handedOver = 0;
        for (size_t i = 0; i < handed.size(); ++i) {
            if (plain.intents[i].faulted) {
                EXPECT_EQ(times[i], 0) << "faulted enemy " << i << " was handed over";
                EXPECT_TRUE(fused.intents[i].faulted) << i;
                continue;
            }
            ASSERT_EQ(times[i], 1) << "enemy " << i << ", pool " << pool;
            ++handedOver;
            EXPECT_EQ(
                std::memcmp(&handed[i], &plain.intents[i], offsetof(engine::Intent, faulted) + 1),
                0)
                << "enemy " << i << ", pool " << pool;
            EXPECT_EQ(std::memcmp(&fused.intents[i], &untouched, sizeof untouched), 0)
                << "the array was written for enemy " << i;
        }
        EXPECT_EQ(handedOver, handed.size() - faults);
    }
}

TEST(LuaThink, EndlessLoopsUnderTheJitAreStoppedAndOthersGoOn) {
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/endless.lua", fixture("endless_think.lua")},
                                           {"enemies/ok.lua", fixture("counter.lua")}});
    auto phase = makePhase(scripts.root(), 2);
    ASSERT_TRUE(phase);
    TestWorld w;
    for (int i = 0; i < 200; ++i)
        w.add(uint16_t(i % 2), {float(i) * 7.0f, 200.0f}, 1000.0f);
    think(*phase, w);
    const auto enemies = w.world.enemies.dense();
    size_t stopped = 0;
    for (size_t i = 0; i < enemies.size(); ++i) {
        const uint64_t id = engine::packObjectId(enemies[i].id);
        if (enemies[i].type == 1) {
            EXPECT_FALSE(w.intents[i].faulted) << i;
            EXPECT_EQ(w.intents[i].velocity.x, 1.0f);
        } else if (id % 2 == 0) {
            EXPECT_TRUE(w.intents[i].faulted) << i;
            ++stopped;
        } else {
            EXPECT_FALSE(w.intents[i].faulted) << i;
            EXPECT_EQ(w.intents[i].velocity.x, 1.0f);
        }
    }
    EXPECT_GT(stopped, 20u);
    ASSERT_FALSE(phase->errors().entries().empty());
    const ScriptError& e = phase->errors().entries()[0].first;
    EXPECT_EQ(e.kind, ScriptErrorKind::Budget);
    EXPECT_NE(e.message.find("enemies/endless.lua:7: script exceeded its CPU budget"),
              std::string::npos)
        << e.message;
}

TEST(LuaThink, AVmFilledByAHoarderIsRetiredReplacedAndTheScriptQuarantined) {
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/hoarder.lua", fixture("hoarder.lua")},
                                           {"enemies/ok.lua", fixture("counter.lua")}});
    LuaThinkDef def = defaultLuaThinkDef();
    def.scriptsDir = scripts.root();
    def.poolSize = 1;
    def.limits.memoryBytes = size_t(24) << 20;
    std::string error;
    auto phase = LuaThinkPhase::create(def, &error);
    ASSERT_TRUE(phase) << error;
    TestWorld w;
    for (int i = 0; i < 100; ++i)
        w.add(0, {float(i) * 10.0f, 100.0f});
    w.add(1, {800.0f, 600.0f}, 1000.0f);
    for (int tick = 1; tick <= 60; ++tick) {
        think(*phase, w);
        // The honest script keeps counting through every retirement (its memory is engine-owned).
        ASSERT_EQ(w.intents.back().velocity.x, float(tick)) << "tick " << tick;
    }
    EXPECT_GE(phase->stats().total[0].retired, 3u);
    bool quarantined = false;
    for (const ScriptErrorEntry& entry : phase->errors().entries())
        if (entry.first.kind == ScriptErrorKind::VmRetired) {
            EXPECT_EQ(entry.first.script, "hoarder");
            quarantined = quarantined || entry.first.message.find("now idle") != std::string::npos;
        }
    EXPECT_TRUE(quarantined);
    EXPECT_TRUE(w.intents[0].faulted) << "the hoarder's enemies idle once it is quarantined";
    EXPECT_LT(phase->vm(0).luaMemory(), def.limits.memoryBytes / 2);
}

TEST(LuaThink, TheRetiredVmBlamesTheScriptHoldingTheMemoryNotTheOneAllocatingMost) {
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/a_garbage.lua", fixture("garbage_maker.lua")},
                                           {"enemies/b_hoarder.lua", fixture("hoarder.lua")}});
    LuaThinkDef def = defaultLuaThinkDef();
    def.scriptsDir = scripts.root();
    def.poolSize = 1;
    def.limits.memoryBytes = size_t(24) << 20;
    std::string error;
    auto phase = LuaThinkPhase::create(def, &error);
    ASSERT_TRUE(phase) << error;
    TestWorld w;
    for (int i = 0; i < 50; ++i)
        w.add(0, {float(i) * 10.0f, 100.0f}); // 50 x 100 KB of garbage per tick
    for (int i = 0; i < 10; ++i)
        w.add(1, {float(i) * 10.0f, 300.0f}); // 10 x 20 KB kept per tick
    for (int tick = 1; tick <= 200 && phase->stats().total[0].retired == 0; ++tick) {
        think(*phase, w);
    }
    ASSERT_GE(phase->stats().total[0].retired, 1u);
    for (const ScriptErrorEntry& entry : phase->errors().entries()) {
        if (entry.first.kind == ScriptErrorKind::VmRetired) {
            EXPECT_EQ(entry.first.script, "b_hoarder") << entry.first.message;
        }
    }
}

TEST(LuaThink, NeighborWithoutNearbySeesNothingOfThePreviousThink) {
    // The first enemy asks nearby() (and finds the second); the others only read neighbor(1):
    // they must get an error, not the first one's results, whatever ran before them on the VM.
    TempScripts scripts(std::map<std::string, std::string>{
        {"enemies/a_asks.lua", fixture("neighbours.lua")},
        {"enemies/b_blind.lua", fixture("reads_neighbor_blind.lua")}});
    auto phase = makePhase(scripts.root(), 1);
    ASSERT_TRUE(phase);
    TestWorld w;
    w.add(0, {100, 100});
    w.add(0, {110, 100});
    w.add(1, {105, 100});
    think(*phase, w);
    EXPECT_TRUE(w.intents[2].faulted);
    ASSERT_FALSE(phase->errors().entries().empty());
    bool found = false;
    for (const ScriptErrorEntry& entry : phase->errors().entries())
        found = found || entry.first.message.find("world.neighbor(1): index out of range 1..0") !=
                             std::string::npos;
    EXPECT_TRUE(found);
}

TEST(LuaThink, AVmThatReplacesARetiredOneFollowsTheJitSwitch) {
    TempScripts scripts(
        std::map<std::string, std::string>{{"enemies/hoarder.lua", fixture("hoarder.lua")}});
    LuaThinkDef def = defaultLuaThinkDef();
    def.scriptsDir = scripts.root();
    def.poolSize = 1;
    def.limits.memoryBytes = size_t(24) << 20;
    std::string error;
    auto phase = LuaThinkPhase::create(def, &error);
    ASSERT_TRUE(phase) << error;
    phase->setJit(false);
    ASSERT_FALSE(phase->vm(0).sandbox().jitEnabled());
    TestWorld w;
    for (int i = 0; i < 100; ++i)
        w.add(0, {float(i) * 10.0f, 100.0f});
    for (int tick = 1; tick <= 60 && phase->stats().total[0].retired == 0; ++tick)
        think(*phase, w);
    ASSERT_GE(phase->stats().total[0].retired, 1u);
    EXPECT_FALSE(phase->vm(0).sandbox().jitEnabled())
        << "the overlay says off: the new VM must be off too";
}

// The fuzzer's first input (an empty file) found this: the only script refused leaves the phase
// with no script, and a trial of its first slot must not read past the end.
TEST(LuaThink, ATrialOfASlotWithNoScriptHasNothingToTry) {
    TempScripts scripts(std::map<std::string, std::string>{{"enemies/empty.lua", ""}});
    auto phase = makePhase(scripts.root(), 1);
    ASSERT_TRUE(phase);
    ASSERT_TRUE(phase->scripts().empty());
    EXPECT_FALSE(phase->loadErrors().empty()); // the refusal was reported
    EXPECT_TRUE(phase->trial(0, 3).empty());
}

namespace {
std::unique_ptr<LuaThinkPhase> makeCappedPhase(const std::string& root, size_t memoryMb) {
    LuaThinkDef def = defaultLuaThinkDef();
    def.scriptsDir = root;
    def.poolSize = 1;
    def.limits.memoryBytes = memoryMb << 20;
    std::string error;
    auto phase = LuaThinkPhase::create(def, &error);
    EXPECT_TRUE(phase) << error;
    return phase;
}
} // namespace

// A think that needs more than the VM can give, even right after a collection, is a memory bomb:
// its enemy idles until the script changes (one error each, not one per tick, and the game does
// not pay for the bomb again every tick).
TEST(LuaThink, AThinkThatRunsOutOfMemoryOnItsOwnIdlesItsEnemy) {
    TempScripts scripts(std::map<std::string, std::string>{{"enemies/bomb.lua", R"(
return { name = "Bomb", hp = 1, speed = 10, radius = 8, color = "#ffffff", score = 1,
  think = function(self, world)
    local s = "x"
    while true do s = s .. s end
  end }
)"}});
    auto phase = makeCappedPhase(scripts.root(), 16);
    ASSERT_TRUE(phase);
    TestWorld w;
    for (int i = 0; i < 3; ++i)
        w.add(0, {100.0f + 10.0f * float(i), 100.0f});
    think(*phase, w);
    ASSERT_EQ(phase->errors().total(), 3u);
    EXPECT_EQ(phase->errors().entries()[0].first.kind, ScriptErrorKind::Memory);
    for (size_t i = 0; i < 3; ++i)
        EXPECT_TRUE(w.intents[i].faulted) << i;
}

// self.rand and self.rand2 are computed when read (no per-enemy array): they must be the engine's
// function of (seed, id, tick) on any VM, for the enemy thinking (two scripts interleaved, so the
// batch order is not the dense order), and for enemies added since the snapshot.
TEST(LuaThink, RandomsReadByAThinkAreTheEnginesForItsIdAndTickOnAnyPool) {
    TempScripts scripts(std::map<std::string, std::string>{
        {"enemies/dice.lua", fixture("dice.lua")}, {"enemies/swapped.lua", R"(
return {
  name = "Swapped", hp = 1, speed = 10, radius = 5, color = "#ffffff", score = 1,
  think = function(self, world) return self.rand2 + 1, self.rand + 1 end,
})"}});
    std::vector<std::vector<engine::Intent>> byPool;
    for (int pool : {1, 2}) {
        auto phase = makePhase(scripts.root(), pool);
        ASSERT_TRUE(phase);
        const auto types = phase->types();
        ASSERT_EQ(types.size(), 2u) << "a script did not load";
        const uint16_t swapped = types[0].name == "Swapped" ? 0 : 1;
        TestWorld w;
        for (int i = 0; i < 3000; ++i) // types interleaved: the order groups them, dense does not
            w.add(uint16_t(i % 3 == 0 ? 1 - swapped : swapped),
                  {float(i % 800), float(i / 800) * 100.0f});
        for (int tick = 1; tick <= 3; ++tick) {
            w.snapshot();
            if (tick == 3) { // changed past the snapshot: still each enemy's own
                for (int i = 0; i < 10; ++i)
                    w.add(uint16_t(i % 2), {5.0f, 5.0f});
                w.intents.resize(w.world.enemies.size());
            }
            phase->think(
                engine::ThinkContext{w.world, w.world.enemyMemory, types, w.seed, engine::kTickDt},
                w.intents);
            ASSERT_EQ(phase->errors().total(), 0u);
            const engine::TickRandoms randoms(w.seed, w.world.tick);
            const auto dense = w.world.enemies.dense();
            for (size_t i = 0; i < dense.size(); ++i) {
                const glm::vec2 r = randoms.of(dense[i].id);
                const glm::vec2 expected =
                    dense[i].type == swapped ? glm::vec2(r.y + 1.0, r.x + 1.0) : r;
                ASSERT_EQ(w.intents[i].velocity.x, expected.x) << "enemy " << i << " tick " << tick;
                ASSERT_EQ(w.intents[i].velocity.y, expected.y) << "enemy " << i << " tick " << tick;
            }
        }
        byPool.push_back(w.intents);
    }
    ASSERT_EQ(byPool[0].size(), byPool[1].size());
    EXPECT_EQ(
        std::memcmp(byPool[0].data(), byPool[1].data(), byPool[0].size() * sizeof(engine::Intent)),
        0);
}

TEST(LuaThink, WritingToSelfRandFailsNamingTheFieldLikeAnyOther) {
    const std::string e = firstErrorOf("writes_self_rand.lua");
    EXPECT_NE(e.find("enemies/writes_self_rand.lua:5:"), std::string::npos) << e;
    EXPECT_NE(e.find("read-only input 'self.rand'"), std::string::npos) << e;
}

// The FFI entry point checks the index it is given (views.lua passes the cursor's).
TEST(LuaThink, ARandomOfAnIndexOutOfRangeIsZero) {
    TestWorld w;
    w.add(0, {1.0f, 1.0f});
    w.snapshot();
    ThinkFrame frame{};
    frame.enemies = w.world.enemies.dense().data();
    frame.enemyCount = 1;
    frame.randoms = engine::TickRandoms(w.seed, w.world.tick);
    EXPECT_EQ(arenaEnemyRandom(&frame, 0, 1),
              double(frame.randoms.of(w.world.enemies.dense()[0].id).y));
    EXPECT_EQ(arenaEnemyRandom(&frame, 1, 0), 0.0);
    EXPECT_EQ(arenaEnemyRandom(&frame, -1, 0), 0.0);
    EXPECT_EQ(arenaEnemyRandom(nullptr, 0, 0), 0.0);
}
