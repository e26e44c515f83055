#include "game/debug/script_cost.h"

#include <gtest/gtest.h>

TEST(ScriptCosts, OneTickOfAFewEntitiesIsNotEnoughToQuoteACostPerEntity) {
    game::ScriptCosts costs;
    costs.addTick(1, {{0.0746, 1}}); // one splitter: a batch's fixed cost
    const game::ScriptCostAverage a = costs.average(0);
    EXPECT_FALSE(a.enough);
    EXPECT_EQ(a.entityTicks, 1u);
    EXPECT_NEAR(a.msPerTick, 0.0746, 1e-9);
}

TEST(ScriptCosts, AveragesOverTheNewestTicksUntilThereAreEnoughEntityTicks) {
    game::ScriptCosts costs;
    // 30 old ticks at 100 ns per entity, then 10 ticks of 1,000 entities at 50 ns per entity:
    // the newest 10 ticks hold 10,000 entity-ticks, exactly enough, so the old ones drop out.
    uint64_t tick = 1;
    for (int i = 0; i < 30; ++i)
        costs.addTick(tick++, {{2000 * 100e-6, 2000}});
    for (int i = 0; i < 10; ++i)
        costs.addTick(tick++, {{1000 * 50e-6, 1000}});
    const game::ScriptCostAverage a = costs.average(0);
    EXPECT_TRUE(a.enough);
    EXPECT_EQ(a.ticks, 10u);
    EXPECT_NEAR(a.nsPerEntity, 50.0, 1e-6);
    EXPECT_NEAR(a.msPerTick, 0.05, 1e-9);
}

TEST(ScriptCosts, ATickSeenTwiceCountsOnceAndARestartForgets) {
    game::ScriptCosts costs;
    costs.addTick(5, {{1.0, 10}});
    costs.addTick(5, {{1.0, 10}}); // paused: the same tick, frame after frame
    EXPECT_EQ(costs.average(0).ticks, 1u);
    costs.addTick(6, {{3.0, 10}, {1.0, 4}}); // a script loaded since
    EXPECT_EQ(costs.average(0).ticks, 2u);
    EXPECT_NEAR(costs.average(0).msPerTick, 2.0, 1e-9);
    EXPECT_EQ(costs.average(1).entityTicks, 4u);
    costs.addTick(1, {{7.0, 1}}); // a new round starts at tick 1
    EXPECT_EQ(costs.average(0).ticks, 1u);
    EXPECT_NEAR(costs.average(0).msPerTick, 7.0, 1e-9);
}

TEST(ScriptCosts, TheWindowIsBounded) {
    game::ScriptCosts costs;
    for (uint64_t t = 1; t <= game::ScriptCosts::kWindowTicks + 50; ++t)
        costs.addTick(t, {{0.01, 1}});
    EXPECT_EQ(costs.average(0).ticks, game::ScriptCosts::kWindowTicks);
    EXPECT_EQ(costs.average(7).ticks, 0u);
}
