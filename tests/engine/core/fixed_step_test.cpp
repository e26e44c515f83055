#include "engine/core/fixed_step.h"

#include <gtest/gtest.h>

TEST(FixedStep, AccumulatesPartialFrames) {
    engine::FixedStepClock clock;
    int steps = 0;
    for (int frame = 0; frame < 120; ++frame)
        steps += clock.advance(1.0 / 120.0); // 120 Hz display, one second
    EXPECT_EQ(steps, 60);
}

TEST(FixedStep, RunsSeveralStepsForASlowFrame) {
    engine::FixedStepClock clock;
    EXPECT_EQ(clock.advance(3.5 / 60.0), 3);
    EXPECT_NEAR(clock.alpha(), 0.5, 1e-9);
}

TEST(FixedStep, CapsStepsPerFrameAgainstTheSpiralOfDeath) {
    engine::FixedStepDef def = engine::defaultFixedStepDef();
    def.maxStepsPerFrame = 4;
    engine::FixedStepClock clock(def);
    EXPECT_EQ(clock.advance(0.2), 4); // 12 steps were due
    EXPECT_GT(clock.droppedSeconds(), 0.1);
    // The dropped time does not come back: the next normal frame runs about one step.
    EXPECT_LE(clock.advance(1.0 / 60.0), 2);
}

TEST(FixedStep, HugeAndInvalidFramesAreBounded) {
    engine::FixedStepClock clock;
    EXPECT_LE(clock.advance(30.0), engine::defaultFixedStepDef().maxStepsPerFrame);
    EXPECT_EQ(clock.advance(-1.0), 0);
    EXPECT_EQ(clock.advance(std::numeric_limits<double>::quiet_NaN()), 0);
}
