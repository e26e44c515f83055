#include "game/sim/game.h"
#include "game/sim/native_enemies.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace {
std::unique_ptr<game::Game> makeTestGame(uint64_t seed, int minEnemies = 0) {
    game::GameDef def = game::defaultGameDef();
    def.seed = seed;
    def.minEnemies = minEnemies;
    def.autoRestart = true;
    return std::make_unique<game::Game>(def, game::nativeEnemyTypes(),
                                        std::make_unique<game::NativeSeekThink>());
}

uint64_t run(uint64_t seed, int ticks) {
    auto g = makeTestGame(seed);
    for (int t = 0; t < ticks; ++t)
        g->step(nullptr);
    return g->worldHash();
}
} // namespace

TEST(Game, AutopilotRunSpawnsAndKillsEnemies) {
    auto g = makeTestGame(1);
    for (int t = 0; t < 3000; ++t)
        g->step(nullptr);
    EXPECT_GT(g->counters().spawned, 20u);
    EXPECT_GT(g->counters().killed, 10u);
    EXPECT_GE(g->waves().wave(), 2);
}

TEST(Game, EveryEnemyIsAccountedFor) {
    auto g = makeTestGame(5, 300);
    for (int t = 0; t < 1500; ++t) {
        g->step(nullptr);
        ASSERT_EQ(g->counters().spawned, g->world().enemies.size() + g->counters().destroyed)
            << "tick " << t;
    }
}

TEST(Game, EnemiesStayGroupedByTypeThroughSpawnsAndDeaths) {
    auto g = makeTestGame(6, 300);
    size_t types = 0;
    for (int t = 0; t < 1500; ++t) {
        g->step(nullptr);
        ASSERT_TRUE(g->world().enemyBuckets.isGrouped(g->world().enemies)) << "tick " << t;
        types = std::max(types, g->world().enemyBuckets.counts().size());
    }
    EXPECT_GE(types, 2u); // there was something to group
    EXPECT_GT(g->counters().destroyed, 50u);
}

TEST(Game, SameSeedSameHashDifferentSeedDifferentHash) {
    const uint64_t a = run(42, 1200);
    EXPECT_EQ(a, run(42, 1200));
    EXPECT_NE(a, run(43, 1200));
}

TEST(Game, PopulationFloorKeepsEnemiesAlive) {
    auto g = makeTestGame(3, 500);
    for (int t = 0; t < 5; ++t)
        g->step(nullptr);
    EXPECT_GE(g->world().enemies.size(), 450u);
}

TEST(Game, IdlePlayerDiesAndTheRoundRestarts) {
    auto g = makeTestGame(9, 200);
    const game::PlayerCommand idle{};
    bool died = false;
    for (int t = 0; t < 4000 && g->counters().rounds < 2; ++t) {
        g->step(&idle);
        died = died || g->events().playerDied;
    }
    EXPECT_TRUE(died);
    EXPECT_GE(g->counters().gameOvers, 1u);
    EXPECT_GE(g->counters().rounds, 2u);
    EXPECT_TRUE(g->world().player.alive);
}

TEST(Game, EnemyIdsInTheWorldResolveToThemselves) {
    auto g = makeTestGame(4, 100);
    for (int t = 0; t < 400; ++t)
        g->step(nullptr);
    for (const engine::Enemy& e : g->world().enemies.dense())
        ASSERT_EQ(g->world().enemies.get(e.id), &e);
}

TEST(Game, ThinkIntentsDriveTheEnemies) {
    // A think phase that orders every enemy to stand still: nobody moves, whatever the player does.
    struct Freeze final : engine::ThinkPhase {
        void think(const engine::ThinkContext&, std::span<engine::Intent> intents) override {
            for (engine::Intent& i : intents)
                i = engine::Intent{};
        }
    };
    game::GameDef def = game::defaultGameDef();
    def.minEnemies = 50;
    game::Game g(def, game::nativeEnemyTypes(), std::make_unique<Freeze>());
    g.step(nullptr);
    std::vector<glm::vec2> before;
    for (const engine::Enemy& e : g.world().enemies.dense())
        before.push_back(e.position);
    g.step(nullptr);
    ASSERT_EQ(before.size(), g.world().enemies.size());
    for (size_t i = 0; i < before.size(); ++i)
        EXPECT_EQ(g.world().enemies.dense()[i].position, before[i]);
}

TEST(Game, ARoundsSummaryCountsWhatHappenedInIt) {
    // The summary is checked against the tick events seen while the round was played.
    auto g = makeTestGame(9);
    const game::PlayerCommand idle{};
    std::vector<uint32_t> kills(g->types().size(), 0);
    uint64_t aliveTicks = 0;
    int highestWave = 0;
    for (int t = 0; t < 600; ++t) // the autopilot fights a while...
        if (g->step(nullptr), g->world().player.alive) {
            ++aliveTicks;
            highestWave = std::max(highestWave, g->wave());
            for (const game::DeathEvent& d : g->events().deaths)
                kills[d.type] += d.killedByPlayer;
        }
    ASSERT_TRUE(g->finishedRounds().empty()) << "the autopilot died early: pick another seed";
    for (int t = 0; t < 20000 && g->finishedRounds().empty(); ++t) { // ...then stands still
        g->step(&idle);
        for (const game::DeathEvent& d : g->events().deaths)
            kills[d.type] += d.killedByPlayer;
        if (g->world().player.alive) {
            ++aliveTicks;
            highestWave = std::max(highestWave, g->wave());
        }
    }
    ASSERT_EQ(g->finishedRounds().size(), 1u);
    const game::RoundStats& r = g->finishedRounds().front();
    EXPECT_EQ(r.ticks, aliveTicks);
    EXPECT_EQ(r.wave, highestWave);
    EXPECT_EQ(r.killsByType, kills);
    EXPECT_GT(std::accumulate(kills.begin(), kills.end(), 0u), 0u);
    EXPECT_EQ(r.score, g->counters().score);
}

TEST(Game, TheTicksEventsCountShotsAndMarkANewWave) {
    auto g = makeTestGame(3);
    uint64_t shots = 0;
    int wavesStarted = 0;
    for (int t = 0; t < 3000; ++t) {
        const int before = g->waves().wave();
        const uint64_t fired = g->counters().shotsFired;
        g->step(nullptr);
        shots += uint64_t(g->events().playerShots);
        ASSERT_EQ(uint64_t(g->events().playerShots), g->counters().shotsFired - fired);
        if (g->events().roundStarted) // a restart resets the waves (not within a step)
            continue;
        ASSERT_EQ(g->events().waveStarted, g->waves().wave() > before) << "tick " << t;
        wavesStarted += g->events().waveStarted;
    }
    EXPECT_GT(shots, 0u);
    EXPECT_GE(wavesStarted, 2);
}
