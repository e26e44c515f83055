// The debugger on a recorded session: for every shipped script, at several ticks, the think the
// debug VM runs returns exactly the intent the game applied; seeking backwards and forwards
// shows the same worlds as a straight replay; "what if" runs another source on the same tick
// and enemy; the trace CLI's parsing of enemy ids.
#include "game/app/live_scripts.h"
#include "game/app/think_trace_mode.h"
#include "game/replay/recorder.h"
#include "game/replay/think_debugger.h"
#include "game/replay/time_travel.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unistd.h>

namespace {
// A session where every shipped type is alive early (debug spawns of each), played by the
// autopilot.
const game::Recording& session() {
    static const game::Recording recording = [] {
        game::AppOptions o;
        o.scriptsDir = ARENA_SOURCE_DIR "/scripts";
        o.pool = 2;
        o.seed = 11;
        std::string error;
        game::GameSession s = game::makeGame(o, true, &error, nullptr, /*quiet=*/true);
        EXPECT_TRUE(s.game) << error;
        game::LiveScripts live(s, o.scriptsDir, false);
        game::Recorder recorder(s, live);
        for (size_t type = 0; type < s.think->scripts().size(); ++type)
            recorder.act(game::spawnAction(uint16_t(type), 3), &error);
        for (int t = 0; t < 240; ++t)
            recorder.step(nullptr);
        return recorder.recording();
    }();
    return recording;
}
} // namespace

TEST(ThinkDebugger, TheDebuggersIntentIsTheGamesForEveryShippedScript) {
    game::TimeTravel travel(2);
    game::ThinkDebugger debugger(scripting::defaultSandboxLimits());
    std::set<std::string> checked;
    for (uint64_t tick : {2u, 61u, 150u, 239u}) {
        std::string error;
        ASSERT_TRUE(travel.seek(session(), tick, &error)) << error;
        const game::ThinkCapture& capture = *travel.capture();
        std::map<uint16_t, int> perType;
        for (const engine::Enemy& e : capture.world.enemies.dense()) {
            if (perType[e.type]++ >= 2 || (e.flags & engine::kEnemyFaulted))
                continue;
            game::ThinkDebugResult r;
            ASSERT_TRUE(debugger.debug(capture, e.id, nullptr, &r, &error)) << error;
            EXPECT_TRUE(r.trace.ok) << r.trace.error;
            EXPECT_FALSE(r.trace.steps.empty()) << r.file;
            EXPECT_TRUE(r.identical) << r.file << " at tick " << tick << ": " << r.difference;
            checked.insert(r.script);
        }
    }
    // Every shipped enemy script was traced at least once.
    game::AppOptions o;
    o.scriptsDir = ARENA_SOURCE_DIR "/scripts";
    const scripting::ScriptFiles files = scripting::readScriptFiles(o.scriptsDir);
    for (const scripting::ScriptFile& f : files.enemies)
        EXPECT_TRUE(checked.count(f.name)) << f.name << " was never traced";
}

TEST(ThinkDebugger, WhatIfRunsTheOtherSourceOnTheSameTickAndEnemy) {
    game::TimeTravel travel(1);
    game::ThinkDebugger debugger(scripting::defaultSandboxLimits());
    std::string error;
    ASSERT_TRUE(travel.seek(session(), 100, &error)) << error;
    const game::ThinkCapture& capture = *travel.capture();
    const engine::Enemy* chaser = nullptr;
    for (const engine::Enemy& e : capture.world.enemies.dense())
        if (capture.enemyScripts[e.type].name == "chaser")
            chaser = &e;
    ASSERT_TRUE(chaser);
    // The same script doubled: the what-if velocity is twice the traced one.
    std::string doubled = capture.enemyScripts[chaser->type].source;
    const size_t ret = doubled.find("return (dx - dy * weave) * s");
    ASSERT_NE(ret, std::string::npos);
    doubled.replace(ret, 6, "s = s * 2 return");
    game::ThinkDebugResult r;
    ASSERT_TRUE(debugger.debug(capture, chaser->id, &doubled, &r, &error)) << error;
    ASSERT_TRUE(r.hasWhatIf);
    ASSERT_TRUE(r.whatIf.ok) << r.whatIf.error;
    EXPECT_TRUE(r.identical);
    EXPECT_FLOAT_EQ(r.whatIf.intent.velocity.x, 2 * r.trace.intent.velocity.x);
    EXPECT_FLOAT_EQ(r.whatIf.intent.velocity.y, 2 * r.trace.intent.velocity.y);
    // A broken buffer fails in the what-if alone.
    const std::string broken = "return { think = function( end }";
    ASSERT_TRUE(debugger.debug(capture, chaser->id, &broken, &r, &error)) << error;
    EXPECT_TRUE(r.trace.ok);
    EXPECT_FALSE(r.whatIf.ok);
    EXPECT_NE(r.whatIf.error.find("chaser.lua"), std::string::npos) << r.whatIf.error;
}

TEST(ThinkDebugger, AnEnemyThatIsNotAliveIsRefusedWithTheLiving) {
    game::TimeTravel travel(1);
    game::ThinkDebugger debugger(scripting::defaultSandboxLimits());
    std::string error;
    ASSERT_TRUE(travel.seek(session(), 30, &error)) << error;
    game::ThinkDebugResult r;
    EXPECT_FALSE(debugger.debug(*travel.capture(), engine::ObjectId{9999, 7}, nullptr, &r, &error));
    EXPECT_NE(error.find("not alive at tick 30"), std::string::npos) << error;
    EXPECT_NE(error.find("alive then:"), std::string::npos) << error;
}

TEST(TimeTravel, SeeksBackAndForthShowTheSameWorldsAsAStraightReplay) {
    std::map<uint64_t, uint64_t> straight;
    std::string error;
    game::ReplayDef def;
    def.quiet = true;
    auto run = game::ReplayRun::start(session(), def, &error);
    ASSERT_TRUE(run) << error;
    while (run->step())
        straight[run->tick()] = run->game().worldHash();
    game::TimeTravel travel(2);
    for (uint64_t tick : {200u, 50u, 51u, 240u, 1u, 120u}) {
        ASSERT_TRUE(travel.seek(session(), tick, &error)) << error;
        EXPECT_EQ(travel.tick(), tick);
        EXPECT_EQ(travel.game()->worldHash(), straight[tick]) << "tick " << tick;
        EXPECT_EQ(travel.capture()->tick, tick);
    }
    EXPECT_FALSE(travel.seek(session(), 241, &error));
    EXPECT_NE(error.find("not in the recording"), std::string::npos) << error;
}

TEST(TraceThinkCli, ParsesEnemyIdsAsErrorsNameThem) {
    engine::ObjectId id;
    ASSERT_TRUE(game::parseEntity("12:3", &id));
    EXPECT_EQ(id.index, 12u);
    EXPECT_EQ(id.generation, 3u);
    ASSERT_TRUE(game::parseEntity(std::to_string(engine::packObjectId({5, 2})), &id));
    EXPECT_EQ(id.index, 5u);
    EXPECT_EQ(id.generation, 2u);
    for (const char* bad : {"", ":", "12:", ":3", "a:b", "12:3x", "99999999999:1", "-1"})
        EXPECT_FALSE(game::parseEntity(bad, &id)) << bad;
}

// A think that loops forever at one tick faults in the game with the budget's error; under the
// debugger it ends the same way, its trace kept (capped), and the game's world is untouched.
TEST(ThinkDebugger, AnEndlessThinkEndsAsInTheGameAndTouchesNothing) {
    namespace fs = std::filesystem;
    const fs::path root =
        fs::temp_directory_path() / ("arena_debug_loop_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "enemies");
    std::ofstream(root / "enemies/looper.lua") << R"(return {
  name = "Looper", hp = 2, speed = 50, radius = 8, color = "#ffffff", score = 5,
  think = function(self, world)
    local n = 0
    if self.age == 30 then
      while true do n = n + 1 end
    end
    return world.player_x - self.x, world.player_y - self.y
  end,
}
)";
    game::AppOptions o;
    o.scriptsDir = root.string();
    o.enemies = 4;
    o.pool = 2;
    std::string error;
    game::GameSession s = game::makeGame(o, true, &error, nullptr, /*quiet=*/true);
    ASSERT_TRUE(s.game) << error;
    game::Recording recording;
    uint64_t faultTick = 0, faultEntity = 0;
    {
        game::LiveScripts live(s, o.scriptsDir, false);
        game::Recorder recorder(s, live);
        for (int t = 0; t < 60; ++t)
            recorder.step(nullptr);
        recording = recorder.recording();
        for (const scripting::ScriptErrorEntry& e : s.library->errors().entries())
            if (e.first.entity != 0 && !faultTick) {
                faultTick = e.first.tick;
                faultEntity = e.first.entity;
            }
    }
    fs::remove_all(root);
    ASSERT_GT(faultTick, 0u) << "the looper never faulted in the game";
    const uint64_t liveHash = s.game->worldHash();

    game::TimeTravel travel(1);
    ASSERT_TRUE(travel.seek(recording, faultTick, &error)) << error;
    game::ThinkDebugger debugger(game::sandboxLimits(o));
    game::ThinkDebugResult r;
    ASSERT_TRUE(
        debugger.debug(*travel.capture(), engine::unpackObjectId(faultEntity), nullptr, &r, &error))
        << error;
    EXPECT_FALSE(r.trace.ok);
    // The units end it, as in the game; a machine slow enough (sanitizers) may meet the clock's
    // backstop first: either way a limit, named, at the loop.
    EXPECT_TRUE(r.trace.error.find("CPU budget") != std::string::npos ||
                r.trace.error.find("time limit") != std::string::npos)
        << r.trace.error;
    EXPECT_NE(r.trace.error.find("looper.lua:6"), std::string::npos) << r.trace.error;
    EXPECT_FALSE(r.trace.steps.empty());
    EXPECT_TRUE(r.trace.intent.faulted);
    EXPECT_TRUE(r.identical) << r.difference; // the game faulted it the same way
    // What if the loop had an exit: the same tick, a clean intent.
    std::string fixed = r.source;
    fixed.replace(fixed.find("while true do"), 13, "while n < 10 do");
    ASSERT_TRUE(
        debugger.debug(*travel.capture(), engine::unpackObjectId(faultEntity), &fixed, &r, &error));
    EXPECT_TRUE(r.whatIf.ok) << r.whatIf.error;
    EXPECT_FALSE(r.whatIf.intent.faulted);
    EXPECT_EQ(s.game->worldHash(), liveHash); // nothing reached the game's world
}
