#include "engine/platform/event_pump.h"

#include <SDL.h>
#include <gtest/gtest.h>

TEST(EventPump, WaitsOnlyWhenIdleAndSettled) {
    const engine::EventPumpDef def = engine::defaultEventPumpDef();
    EXPECT_FALSE(engine::shouldWaitForEvents(false, 1000, def)); // running: the limiter paces
    EXPECT_FALSE(engine::shouldWaitForEvents(true, 0, def));     // an event this frame
    EXPECT_FALSE(engine::shouldWaitForEvents(true, def.settleFrames - 1, def));
    EXPECT_TRUE(engine::shouldWaitForEvents(true, def.settleFrames, def));
}

TEST(EventPump, HandsOverEveryQueuedEventInOrderAndWakesForOne) {
    ASSERT_EQ(SDL_Init(SDL_INIT_EVENTS), 0) << SDL_GetError();
    engine::EventPumpDef def = engine::defaultEventPumpDef();
    def.settleFrames = 2;
    def.idleTimeoutMs = 1;
    engine::EventPump pump(def);
    const auto push = [](Sint32 code) {
        SDL_Event e{};
        e.type = SDL_USEREVENT;
        e.user.code = code;
        SDL_PushEvent(&e);
    };
    push(1);
    push(2);
    const auto& events = pump.poll(/*idle=*/true); // a new pump has not settled: no wait
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].user.code, 1);
    EXPECT_EQ(events[1].user.code, 2);
    EXPECT_EQ(pump.idleSeconds(), 0.0);
    // Settling: frames without events that do not wait.
    for (int i = 0; i < def.settleFrames; ++i) {
        EXPECT_TRUE(pump.poll(true).empty());
        EXPECT_EQ(pump.idleSeconds(), 0.0);
    }
    // Settled: the frame waits, and an event ends the wait with everything behind it.
    push(3);
    push(4);
    const auto& woken = pump.poll(true);
    ASSERT_EQ(woken.size(), 2u);
    EXPECT_EQ(woken[0].user.code, 3);
    EXPECT_EQ(woken[1].user.code, 4);
    EXPECT_TRUE(pump.poll(true).empty()); // settling again after the event
    EXPECT_EQ(pump.idleSeconds(), 0.0);
    SDL_Quit();
}
