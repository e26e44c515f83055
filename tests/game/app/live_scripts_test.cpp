// Live editing: reloads go live at a tick boundary in every VM, broken versions never do,
// per-object tables and matching memory fields survive, new files become types, and a storm of
// edits loses nothing.
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "identity/object_api.h"

#include <gtest/gtest.h>
#include <lua.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Live {
    fs::path root;
    game::GameSession session;
    std::unique_ptr<game::LiveScripts> live;
    std::string mover;

    explicit Live(int pool = 2) {
        static int counter = 0;
        root = fs::temp_directory_path() /
               ("arena_live_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::remove_all(root);
        fs::create_directories(root / "enemies");
        mover = readFile(fs::path(ARENA_SOURCE_DIR) / "tests/game/app/lua/mover.lua");
        write("enemies/mover.lua", mover);
        game::AppOptions o;
        o.scriptsDir = root.string();
        o.pool = pool;
        o.enemies = 40;
        o.autopilot = false;
        std::string error;
        session = game::makeGame(o, true, &error);
        EXPECT_TRUE(session.game) << error;
        live = std::make_unique<game::LiveScripts>(session, root.string(), false);
    }
    ~Live() {
        live.reset();
        session = {};
        fs::remove_all(root);
    }
    void write(const std::string& rel, const std::string& text) const {
        const fs::path tmp = root / (rel + ".tmp");
        std::ofstream(tmp, std::ios::binary) << text;
        fs::rename(tmp, root / rel);
    }
    void step(int n = 1) {
        const game::PlayerCommand idle{};
        for (int i = 0; i < n; ++i)
            session.game->step(&idle);
    }
    game::ScriptStatus status(const std::string& key) const {
        for (const auto& s : live->statuses())
            if (s.key == key)
                return s;
        ADD_FAILURE() << "no status for " << key;
        return {};
    }
    // Every mover's velocity this tick (all VMs took part: pool 2, many batches).
    std::vector<float> velocities() const {
        std::vector<float> v;
        for (const engine::Enemy& e : session.game->world().enemies.dense())
            if (!(e.flags & engine::kEnemyFaulted))
                v.push_back(e.velocity.x);
        return v;
    }
};

bool allEqual(const std::vector<float>& v, float x) {
    return !v.empty() && std::all_of(v.begin(), v.end(), [x](float f) { return f == x; });
}
} // namespace

TEST(LiveScripts, AGoodEditTakesEffectOnTheNextTickInEveryVm) {
    Live l;
    l.step(30);
    ASSERT_TRUE(allEqual(l.velocities(), 10.0f));
    l.write("enemies/mover.lua",
            std::regex_replace(l.mover, std::regex("local VX = 10"), "local VX = 33"));
    l.live->reloadNow("enemies/mover.lua");
    l.step(1);
    EXPECT_TRUE(allEqual(l.velocities(), 33.0f));
    EXPECT_EQ(l.status("mover").version, 2);
    EXPECT_EQ(l.status("mover").reloads, 1);
    EXPECT_TRUE(l.status("mover").error.empty());
}

TEST(LiveScripts, ABrokenEditLeavesTheOldVersionRunningEverywhere) {
    Live l;
    l.step(10);
    for (const char* broken :
         {"return {", "return { name = 'x' }", "local VX = 10 \\n error('boom')",
          "return { name = 'M', hp = 1, speed = 1, radius = 1, color = '#ffffff', score = 1, think "
          "= function() return 'a', 0 end }"}) {
        l.write("enemies/mover.lua", broken);
        l.live->reloadNow("enemies/mover.lua");
        l.step(3);
        EXPECT_TRUE(allEqual(l.velocities(), 10.0f)) << broken;
        EXPECT_EQ(l.status("mover").version, 1) << broken;
        EXPECT_FALSE(l.status("mover").error.empty()) << broken;
        EXPECT_EQ(l.status("mover").error.rfind("enemies/mover.lua", 0), 0u)
            << l.status("mover").error;
    }
    EXPECT_EQ(l.live->reloadsRejected(), 4u);
    l.write("enemies/mover.lua", l.mover); // fixed: the error goes away
    l.live->reloadNow("enemies/mover.lua");
    EXPECT_TRUE(l.status("mover").error.empty());
    EXPECT_EQ(l.status("mover").version, 2);
}

TEST(LiveScripts, ObjectTablesSurviveAndMatchingMemoryFieldsAreKept) {
    Live l;
    l.step(5);
    engine::Enemy& first = l.session.game->mutableWorld().enemies.dense()[0];
    const engine::ObjectId id = first.id;
    // New layout: `keep` stays a float, `gone` becomes an int (reset), `extra` is new.
    std::string v2 = std::regex_replace(l.mover, std::regex("gone = \"float\""),
                                        "gone = \"int\", extra = \"double\"");
    v2 = std::regex_replace(v2, std::regex("self.gone = 7"), "self.gone = 9");
    l.write("enemies/mover.lua", v2);
    l.live->reloadNow("enemies/mover.lua");
    const auto& info = l.session.think->scripts()[0];
    engine::World& world = l.session.game->mutableWorld();
    const uint8_t* memory = world.memoryOf(*world.enemies.get(id));
    ASSERT_NE(memory, nullptr);
    EXPECT_EQ(world.enemyMemory.bytes(0), info.memory.size) << "the pool takes the new layout";
    const auto field = [&](const std::string& name) {
        for (const auto& f : info.memory.fields)
            if (f.name == name)
                return f.offset;
        ADD_FAILURE() << name;
        return 0u;
    };
    float keep;
    std::memcpy(&keep, memory + field("keep"), 4);
    int32_t gone, ticks;
    std::memcpy(&gone, memory + field("gone"), 4);
    std::memcpy(&ticks, memory + field("ticks"), 4);
    EXPECT_EQ(keep, 2.5f);
    EXPECT_EQ(gone, 0) << "type changed: reset";
    EXPECT_GT(ticks, 0) << "same name and type: kept";
    bool noticed = false;
    for (const auto& entry : l.session.think->errors().entries())
        noticed = noticed ||
                  (entry.first.kind == scripting::ScriptErrorKind::Reloaded &&
                   entry.first.message.find(
                       "memory layout changed: kept keep, ticks, reset to zero: extra, gone") !=
                       std::string::npos);
    EXPECT_TRUE(noticed);
    // The object's own Lua table is untouched by the reload.
    lua_State* L = l.session.mainVm->state();
    scripting::CommandBuffer commands;
    l.session.mainVm->begin(l.session.game->mutableWorld(), 1, commands);
    l.session.mainVm->pushEnemy(*world.enemies.get(id));
    lua_getfenv(L, -1);
    lua_getfield(L, -1, "tag");
    EXPECT_STREQ(lua_tostring(L, -1), "born in version 1");
    lua_pop(L, 3);
    l.session.mainVm->end();
}

TEST(LiveScripts, ANewFileBecomesATypeAndADeletedOneStopsSpawning) {
    Live l;
    l.write("enemies/other.lua",
            std::regex_replace(l.mover, std::regex("local VX = 10"), "local VX = -4"));
    l.live->reloadNow("enemies/other.lua");
    ASSERT_EQ(l.session.game->types().size(), 2u);
    EXPECT_EQ(l.status("other").version, 1);
    l.step(300); // the population floor picks types at random: some are the new one
    size_t others = 0;
    for (const engine::Enemy& e : l.session.game->world().enemies.dense())
        others += e.type == 1;
    EXPECT_GT(others, 0u);
    fs::remove(l.root / "enemies/other.lua");
    l.live->reloadNow("enemies/other.lua");
    EXPECT_TRUE(l.status("other").removed);
    l.session.game->clearEnemies(); // the floor (40) must now be refilled, without the removed type
    const uint64_t spawnedBefore = l.session.game->counters().spawned;
    l.step(200);
    for (const engine::Enemy& e : l.session.game->world().enemies.dense()) {
        if (e.type == 1) {
            EXPECT_LT(e.spawnTick, l.session.game->world().tick - 199) << "a removed type spawned";
        }
    }
    // The floor went on spawning (other types): the removed one is only not among them.
    EXPECT_GT(l.session.game->counters().spawned, spawnedBefore);
}

TEST(LiveScripts, AStormOfGoodAndBrokenWritesLosesNothing) {
    Live l;
    int good = 0;
    for (int i = 0; i < 200; ++i) {
        if (i % 2 == 0) {
            l.write("enemies/mover.lua",
                    std::regex_replace(l.mover, std::regex("local VX = 10"),
                                       "local VX = " + std::to_string(100 + i)));
            ++good;
        } else {
            l.write("enemies/mover.lua", "return { broken = " + std::to_string(i));
        }
        l.live->reloadNow("enemies/mover.lua");
        l.step(2);
        const auto& c = l.session.game->counters();
        ASSERT_EQ(c.spawned, l.session.game->world().enemies.size() + c.destroyed) << "write " << i;
    }
    EXPECT_EQ(l.status("mover").version, 1 + good);
    EXPECT_TRUE(allEqual(l.velocities(), 100.0f + 198.0f)) << "the last good version is live";
    EXPECT_EQ(l.live->reloadsApplied(), uint64_t(good));
    EXPECT_EQ(l.live->reloadsRejected(), 100u);
    uint64_t logged = 0;
    for (const auto& entry : l.session.think->errors().entries())
        logged += entry.first.kind == scripting::ScriptErrorKind::Reload ? entry.count : 0;
    EXPECT_EQ(logged, 100u) << "every refused version is in the log";
}

TEST(LiveScripts, TheFaultedEnemiesOfAFixedScriptThinkAgain) {
    Live l;
    // A version that raises for every enemy: they all fault and idle.
    l.write("enemies/mover.lua",
            std::regex_replace(
                l.mover, std::regex("mem.ticks = mem.ticks \\+ 1"),
                "mem.ticks = mem.ticks + 1 if world.tick > 40 then error('broken') end"));
    l.live->reloadNow("enemies/mover.lua");
    ASSERT_EQ(l.status("mover").version, 2) << l.status("mover").error;
    l.step(60);
    size_t faulted = 0;
    for (const engine::Enemy& e : l.session.game->world().enemies.dense())
        faulted += (e.flags & engine::kEnemyFaulted) != 0;
    ASSERT_GT(faulted, 0u);
    l.write("enemies/mover.lua", l.mover); // fixed
    l.live->reloadNow("enemies/mover.lua");
    l.step(1);
    for (const engine::Enemy& e : l.session.game->world().enemies.dense()) {
        EXPECT_EQ(e.flags & engine::kEnemyFaulted, 0) << "still faulted after the fix";
        EXPECT_EQ(e.velocity.x, 10.0f);
    }
}
