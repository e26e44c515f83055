#include "engine/platform/input.h"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

TEST(Input, DeadZoneSwallowsSmallStickNoise) {
    EXPECT_EQ(engine::applyDeadZone({0.1f, -0.1f}, 0.2f), glm::vec2(0.0f));
}

TEST(Input, DeadZoneRescalesToFullRangeAndKeepsDirection) {
    const glm::vec2 full = engine::applyDeadZone({1.0f, 0.0f}, 0.2f);
    EXPECT_FLOAT_EQ(full.x, 1.0f);
    const glm::vec2 half = engine::applyDeadZone({0.0f, -0.6f}, 0.2f);
    EXPECT_NEAR(half.y, -0.5f, 1e-6f);
    EXPECT_FLOAT_EQ(half.x, 0.0f);
    const glm::vec2 corner = engine::applyDeadZone({1.0f, 1.0f}, 0.2f); // raw corner is > 1 long
    EXPECT_LE(glm::length(corner), 1.0f + 1e-6f);
}
