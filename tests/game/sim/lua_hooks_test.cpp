// The game with its main VM: hooks change the world the way the scripts say, identities and
// registry references always agree, and the director spawns the waves.
#include "game/app/game_setup.h"
#include "game/sim/game.h"
#include "game/sim/lua_hooks.h"
#include "scripting/test_world.h"
#include "scripting/think_phase.h"

#include <gtest/gtest.h>

namespace {
struct Session {
    std::unique_ptr<game::Game> game;
    scripting::LuaThinkPhase* think = nullptr;
    scripting::MainVm* vm = nullptr;
    uint16_t slot(const std::string& key) const {
        for (size_t i = 0; i < think->scripts().size(); ++i)
            if (think->scripts()[i].key == key)
                return uint16_t(i);
        ADD_FAILURE() << key;
        return 0;
    }
};

Session makeSession(const game::GameDef& base, const std::string& floorType, int pool = 1) {
    scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
    def.scriptsDir = std::string(ARENA_SOURCE_DIR) + "/scripts";
    def.poolSize = pool;
    std::string error;
    auto think = scripting::LuaThinkPhase::create(def, &error);
    EXPECT_TRUE(think) << error;
    auto vm = scripting::MainVm::create(scripting::defaultMainVmDef(), think->loadedFiles(),
                                        think->scripts(), think->errors(), &error);
    EXPECT_TRUE(vm) << error;
    Session s;
    s.think = think.get();
    s.vm = vm.get();
    game::GameDef def2 = base;
    if (!floorType.empty())
        def2.floorType = s.slot(floorType);
    s.game = std::make_unique<game::Game>(def2, think->types(), std::move(think),
                                          std::make_unique<game::LuaHooks>(std::move(vm)));
    return s;
}
} // namespace

TEST(LuaHooks, ASplitterKilledByThePlayerSplitsIntoThreeSplitlings) {
    game::GameDef def = game::defaultGameDef();
    def.minEnemies = 12;
    def.builtInWaves = false;
    def.autoRestart = true;
    Session s = makeSession(def, "splitter");
    const uint16_t splitter = s.slot("splitter"), splitling = s.slot("splitling");
    uint64_t splits = 0;
    for (int t = 0; t < 1500; ++t) {
        s.game->step(nullptr);
        uint64_t kills = 0, born = 0;
        for (const game::DeathEvent& d : s.game->events().deaths)
            kills += d.type == splitter && d.killedByPlayer;
        for (const engine::Enemy& e : s.game->world().enemies.dense())
            born += e.type == splitling && e.spawnTick == s.game->world().tick;
        ASSERT_EQ(born, 3 * kills) << "tick " << t;
        splits += kills;
    }
    EXPECT_GT(splits, 5u);
    EXPECT_EQ(s.think->errors().total(), 0u);
}

TEST(LuaHooks, RegistryReferencesAlwaysEqualIdentitiesHeld) {
    game::GameDef def = game::defaultGameDef();
    def.minEnemies = 60;
    def.autoRestart = true;
    Session s = makeSession(def, "");
    for (int t = 0; t < 3000; ++t) {
        s.game->step(nullptr);
        if (t % 250 == 0) {
            const scripting::MainVmStats m = s.vm->stats(s.game->world());
            ASSERT_EQ(m.registryObjectRefs, m.identities) << "tick " << t;
            ASSERT_EQ(m.created - m.released, m.identities) << "tick " << t;
        }
    }
    const scripting::MainVmStats m = s.vm->stats(s.game->world());
    EXPECT_GT(m.created, 20u) << "hooks gave objects an identity";
    EXPECT_GT(m.hookCalls, 1000u);
    EXPECT_TRUE(s.vm->hasDirector());
}

TEST(LuaHooks, TheDirectorSpawnsWavesAndTheRunIsDeterministic) {
    game::GameDef def = game::defaultGameDef();
    def.seed = 21;
    def.autoRestart = true;
    Session a = makeSession(def, "", 1), b = makeSession(def, "", 2);
    for (int t = 0; t < 2400; ++t) {
        a.game->step(nullptr);
        b.game->step(nullptr);
    }
    EXPECT_GE(a.game->wave(), 3) << "the director's waves";
    EXPECT_GT(a.game->counters().spawned, 30u);
    EXPECT_EQ(a.game->worldHash(), b.game->worldHash());
    EXPECT_EQ(a.think->errors().total(), 0u);
}

TEST(LuaHooks, ChangingThePoolSizeLiveLosesNothingAndChangesNothing) {
    game::GameDef def = game::defaultGameDef();
    def.seed = 8;
    def.minEnemies = 400;
    def.autoRestart = true;
    Session steady = makeSession(def, "", 2), changing = makeSession(def, "", 2);
    for (int t = 0; t < 900; ++t) {
        if (t == 200 || t == 450 || t == 700) {
            std::string error;
            ASSERT_TRUE(changing.think->resize(t == 200 ? 1 : t == 450 ? 4 : 3, &error)) << error;
        }
        steady.game->step(nullptr);
        changing.game->step(nullptr);
        const auto& c = changing.game->counters();
        ASSERT_EQ(c.spawned, changing.game->world().enemies.size() + c.destroyed) << "tick " << t;
    }
    EXPECT_EQ(changing.think->poolSize(), 3);
    EXPECT_EQ(steady.game->worldHash(), changing.game->worldHash());
}

namespace {
Session sessionFrom(const std::map<std::string, std::string>& files, const game::GameDef& base,
                    int pool = 1) {
    static testing_support::TempScripts* keep = nullptr; // scripts stay on disk for the session
    delete keep;
    keep = new testing_support::TempScripts(files);
    scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
    def.scriptsDir = keep->root();
    def.poolSize = pool;
    std::string error;
    auto think = scripting::LuaThinkPhase::create(def, &error);
    EXPECT_TRUE(think) << error;
    auto vm = scripting::MainVm::create(scripting::defaultMainVmDef(), think->loadedFiles(),
                                        think->scripts(), think->errors(), &error);
    EXPECT_TRUE(vm) << error;
    Session s;
    s.think = think.get();
    s.vm = vm.get();
    s.game = std::make_unique<game::Game>(base, think->types(), std::move(think),
                                          std::make_unique<game::LuaHooks>(std::move(vm)));
    return s;
}
} // namespace

TEST(LuaHooks, AnEnemyKilledOrDespawnedInItsOwnOnSpawnGetsItsOnDeath) {
    // on_spawn despawns odd enemies and kills even ones; on_death scores 1000 each (on_hit is for
    // the player's bullets only, and scores 1 if it ever ran).
    const char* script = R"(
local n = 0
return { name = "Brief", hp = 3, speed = 1, radius = 5, color = "#ffffff", score = 0,
  think = function() return 0, 0 end,
  on_spawn = function(self)
    n = n + 1
    if n % 2 == 1 then self:despawn() else self:damage(100) end
  end,
  on_hit = function(self) arena.add_score(1) end,
  on_death = function(self, killer) arena.add_score(1000) end }
)";
    game::GameDef def = game::defaultGameDef();
    def.builtInWaves = false;
    Session s = sessionFrom({{"enemies/brief.lua", script}}, def);
    s.game->queueSpawns(s.slot("brief"), 4);
    const game::PlayerCommand idle{};
    s.game->step(&idle);
    EXPECT_EQ(s.game->counters().score, 4 * 1000) << "four on_death";
    EXPECT_EQ(s.game->world().enemies.size(), 0u) << "the dead went at once";
    EXPECT_EQ(s.game->counters().spawned,
              s.game->world().enemies.size() + s.game->counters().destroyed);
    EXPECT_TRUE(s.think->errors().entries().empty());
}

TEST(LuaHooks, ADirectorWaveNumberOutOfRangeIsAnErrorNotAConversion) {
    const char* director = "return { update = function(state, info) return 1e300 end }";
    const char* enemy =
        "return { name = 'E', hp = 3, speed = 1, radius = 5, color = '#ffffff', score = 0, "
        "think = function() return 0, 0 end }";
    game::GameDef def = game::defaultGameDef();
    Session s = sessionFrom({{"director.lua", director}, {"enemies/e.lua", enemy}}, def);
    const game::PlayerCommand idle{};
    s.game->step(&idle);
    ASSERT_FALSE(s.think->errors().entries().empty());
    EXPECT_NE(
        s.think->errors().entries()[0].first.message.find("update returned the wave number 1e+300"),
        std::string::npos)
        << s.think->errors().entries()[0].first.message;
    EXPECT_GE(s.game->wave(), 0);
}

// The checkpoints' scripted part (MainVm::stateHash) on a table shared exponentially many times
// over (16 levels, each a table of 100 references to the one below: 1,600 slots, 100^16 paths):
// it finishes (the walk has a budget), and it is the same in two sessions and on any pool.
TEST(LuaHooks, TheScriptedStateHashEndsOnASharedTreeAndIsTheSameEverywhere) {
    const char* script = R"(
return { name = "Hoarder", hp = 3, speed = 1, radius = 5, color = "#ffffff", score = 0,
  think = function() return 0, 0 end,
  on_spawn = function(self)
    local level = { 1 }
    for _ = 1, 16 do
      local up = {}
      for i = 1, 100 do up[i] = level end
      level = up
    end
    self.tree = level
    self.mood = "calm"
  end }
)";
    uint64_t first = 0;
    for (int pool : {1, 2}) {
        game::GameDef def = game::defaultGameDef();
        def.builtInWaves = false;
        Session s = sessionFrom({{"enemies/hoarder.lua", script}}, def, pool);
        s.game->queueSpawns(s.slot("hoarder"), 3);
        const game::PlayerCommand idle{};
        s.game->step(&idle);
        ASSERT_EQ(s.game->world().enemies.size(), 3u);
        const uint64_t h = s.game->partHashes().scripted;
        EXPECT_NE(h, 0u);
        if (first == 0)
            first = h;
        EXPECT_EQ(h, first) << "pool " << pool;
    }
}

// Spawns asked for beyond what the arena holds are refused when asked (and counted), so a flood
// of requests never grows the queue past the arena.
TEST(LuaHooks, SpawnsBeyondTheArenaAreRefusedWhenAskedFor) {
    game::GameDef def = game::defaultGameDef();
    def.builtInWaves = false;
    def.maxEnemies = 50;
    Session s = makeSession(def, "");
    for (int i = 0; i < 1000; ++i)
        s.game->queueSpawns(s.slot("chaser"), 1000000);
    const game::PlayerCommand idle{};
    s.game->step(&idle);
    EXPECT_EQ(s.game->world().enemies.size(), 50u);
    EXPECT_EQ(s.game->counters().spawnsRefused, 1000u * 1000000u - 50u);
}
