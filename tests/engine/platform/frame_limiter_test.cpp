// What the limiter decides, on a clock the test holds. How well it holds 60 frames a second is a
// measurement (README, "How we measured"), not a test.
#include "engine/platform/frame_limiter.h"

#include <gtest/gtest.h>

using namespace std::chrono_literals;

TEST(FrameLimiter, KeepsSixtyFramesASecondOrTheDisplaysFasterRate) {
    EXPECT_EQ(engine::framePeriod(0), 16'666'666ns); // unknown refresh rate
    EXPECT_EQ(engine::framePeriod(30), 16'666'666ns);
    EXPECT_EQ(engine::framePeriod(60), 16'666'666ns);
    EXPECT_EQ(engine::framePeriod(144), 6'944'444ns);
}

TEST(FrameLimiter, SleepsOnlyWhatIsLeftOfTheFrame) {
    const auto start = engine::FrameLimiter::Clock::time_point{} + 1h;
    const engine::FrameLimiter limiter(16ms, start);
    EXPECT_EQ(limiter.remaining(start), 16ms);
    EXPECT_EQ(limiter.remaining(start + 10ms), 6ms);
    // A frame that took the whole period or longer (a swap that blocked for vsync, a slow frame)
    // has nothing left to sleep.
    EXPECT_EQ(limiter.remaining(start + 16ms), 0ms);
    EXPECT_EQ(limiter.remaining(start + 1s), 0ms);
}
