#include "engine/core/random.h"

#include <gtest/gtest.h>

#include <set>

TEST(Random, HashRandomDependsOnEveryInput) {
    const uint64_t base = engine::hashRandom(1, 2, 3);
    EXPECT_EQ(engine::hashRandom(1, 2, 3), base);
    EXPECT_NE(engine::hashRandom(9, 2, 3), base);
    EXPECT_NE(engine::hashRandom(1, 9, 3), base);
    EXPECT_NE(engine::hashRandom(1, 2, 9), base);
}

TEST(Random, UnitFloatStaysInRangeAndSpreads) {
    engine::Rng rng(3);
    double sum = 0;
    std::set<int> buckets;
    for (int i = 0; i < 10000; ++i) {
        const float u = rng.unit();
        ASSERT_GE(u, 0.0f);
        ASSERT_LT(u, 1.0f);
        sum += u;
        buckets.insert(int(u * 10));
    }
    EXPECT_NEAR(sum / 10000, 0.5, 0.02);
    EXPECT_EQ(buckets.size(), 10u);
}
