#include "engine/core/random.h"
#include "pool/think_batches.h"

#include <gtest/gtest.h>

#include <vector>

using scripting::ThinkBatches;

namespace {
constexpr size_t kSlots = 4;

// Enemies of random types; grouped through the world's buckets (as the game does) or not.
engine::World worldOf(size_t n, bool grouped, uint64_t seed) {
    engine::World world;
    engine::Rng rng(seed);
    for (size_t i = 0; i < n; ++i) {
        engine::Enemy e;
        e.type = uint16_t(rng.below(kSlots));
        if (grouped) {
            world.addEnemy(e);
        } else {
            const engine::ObjectId id = world.enemies.create(e);
            world.enemies.dense().back().id = id;
        }
    }
    return world;
}

// Every enemy to think appears once, in a batch of its own script; returns how often each did.
std::vector<int> visits(const engine::World& world, const ThinkBatches& b) {
    std::vector<int> seen(world.enemies.size(), 0);
    for (const scripting::ThinkBatch& batch : b.batches()) {
        EXPECT_LT(batch.first, batch.last);
        for (uint32_t k = batch.first; k < batch.last; ++k) {
            const uint32_t i = b.order()[k];
            EXPECT_EQ(world.enemies.dense()[i].type, batch.slot);
            ++seen[i];
        }
    }
    return seen;
}
} // namespace

TEST(ThinkBatches, AGroupedWorldIsCutIntoRunsOfOneScriptEach) {
    engine::World world = worldOf(20000, true, 1);
    std::vector<engine::Intent> intents(world.enemies.size());
    ThinkBatches b;
    b.plan(world, intents, std::vector<bool>(kSlots, false), 2);
    for (int count : visits(world, b))
        ASSERT_EQ(count, 1);
    EXPECT_GE(b.batches().size(), 16u); // about 8 per VM at least, for balance
}

TEST(ThinkBatches, AQuarantinedScriptGetsNoBatchAndIdleFaultedIntents) {
    for (bool grouped : {true, false}) {
        engine::World world = worldOf(3000, grouped, 2);
        std::vector<engine::Intent> intents(world.enemies.size());
        for (engine::Intent& in : intents)
            in.velocity = {7.0f, 7.0f}; // stale values the plan must overwrite
        std::vector<bool> quarantined(kSlots, false);
        quarantined[2] = true;
        ThinkBatches b;
        b.plan(world, intents, quarantined, 2);
        const std::vector<int> seen = visits(world, b);
        for (size_t i = 0; i < seen.size(); ++i) {
            const bool isQuarantined = world.enemies.dense()[i].type == 2;
            ASSERT_EQ(seen[i], isQuarantined ? 0 : 1) << "grouped " << grouped << " enemy " << i;
            if (isQuarantined) {
                EXPECT_EQ(intents[i].faulted, 1);
                EXPECT_EQ(intents[i].velocity, glm::vec2(0.0f));
            }
        }
    }
}

TEST(ThinkBatches, AnUngroupedWorldLeavesItsFaultedEnemiesOut) {
    engine::World world = worldOf(5000, false, 3);
    for (size_t i = 0; i < world.enemies.size(); i += 7)
        world.enemies.dense()[i].flags |= engine::kEnemyFaulted;
    std::vector<engine::Intent> intents(world.enemies.size());
    ThinkBatches b;
    b.plan(world, intents, std::vector<bool>(kSlots, false), 1);
    const std::vector<int> seen = visits(world, b);
    for (size_t i = 0; i < seen.size(); ++i)
        ASSERT_EQ(seen[i], i % 7 == 0 ? 0 : 1) << "enemy " << i;
}

TEST(ThinkBatches, AWorldChangedBehindTheBucketsIsSortedNotTrusted) {
    // Counts that still add up must not be enough: a direct create and destroy leave them
    // matching the size while a type-1 enemy sits in type 0's run.
    engine::World world;
    engine::Enemy e;
    world.addEnemy(e);
    world.addEnemy(e);
    e.type = 1;
    const engine::ObjectId direct = world.enemies.create(e);
    world.enemies.dense().back().id = direct;
    world.enemies.destroy(world.enemies.idAt(0));
    std::vector<engine::Intent> intents(world.enemies.size());
    ThinkBatches b;
    b.plan(world, intents, std::vector<bool>(kSlots, false), 1);
    for (int count : visits(world, b)) // visits() checks each enemy's type against its batch
        EXPECT_EQ(count, 1);
}

TEST(ThinkBatches, MeasuredCostsPutTheCostliestScriptFirstInShorterBatches) {
    engine::World world = worldOf(40000, true, 4);
    std::vector<engine::Intent> intents(world.enemies.size());
    ThinkBatches b;
    const std::vector<bool> none(kSlots, false);
    b.plan(world, intents, none, 2);
    // Timings as the pool would report them: script 3 costs 20x the others per entity.
    for (int tick = 0; tick < 20; ++tick) {
        std::vector<std::vector<scripting::BatchTiming>> timings(1);
        for (const scripting::ThinkBatch& batch : b.batches()) {
            const double nsPerEntity = batch.slot == 3 ? 400.0 : 20.0;
            timings[0].push_back({0, batch.slot, batch.last - batch.first, 0.0,
                                  nsPerEntity * double(batch.last - batch.first) / 1e6});
        }
        b.measure(timings);
        b.plan(world, intents, none, 2);
    }
    ASSERT_FALSE(b.batches().empty());
    EXPECT_EQ(b.batches().front().slot, 3u);
    size_t costly = 0, cheap = 0;
    for (const scripting::ThinkBatch& batch : b.batches())
        (batch.slot == 3 ? costly : cheap) =
            std::max(batch.slot == 3 ? costly : cheap, size_t(batch.last - batch.first));
    EXPECT_LT(costly * 5, cheap); // about equal time per batch: far fewer of the costly ones
}
