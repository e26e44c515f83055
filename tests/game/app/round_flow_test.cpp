#include "game/app/round_flow.h"

#include <gtest/gtest.h>

namespace {
game::RoundInput none(bool overlay = false) {
    game::RoundInput in;
    in.overlayVisible = overlay;
    return in;
}
game::RoundInput key(bool game::RoundInput::*which, bool overlay = false) {
    game::RoundInput in = none(overlay);
    in.*which = true;
    in.anyPressed = true;
    return in;
}
} // namespace

TEST(RoundFlow, TheOverlayDoesNotEndOrPauseTheAttractMode) {
    game::RoundFlow flow(/*attract=*/true);
    EXPECT_FALSE(flow.update(none(true)).startPlayerRound); // F1: the overlay opens
    EXPECT_TRUE(flow.attract());
    EXPECT_TRUE(flow.simulating());
    EXPECT_TRUE(flow.update(key(&game::RoundInput::pausePressed, true)).startPlayerRound);
    EXPECT_FALSE(flow.attract());
    EXPECT_TRUE(flow.simulating()) << "the key that starts the round does not also pause it";
}

TEST(RoundFlow, OpeningTheOverlayPausesTheRoundAndClosingItResumes) {
    game::RoundFlow flow(false);
    flow.update(none(false));
    flow.update(none(true));
    EXPECT_TRUE(flow.paused());
    EXPECT_TRUE(flow.pausedByOverlay());
    flow.update(none(true));
    EXPECT_TRUE(flow.paused());
    flow.update(none(false));
    EXPECT_FALSE(flow.paused());

    // Paused by the user before: closing the overlay leaves it paused.
    flow.update(key(&game::RoundInput::pausePressed));
    flow.update(none(true));
    flow.update(none(false));
    EXPECT_TRUE(flow.paused());

    // The checkbox off: the round goes on under the overlay.
    game::RoundFlow free(false);
    game::RoundInput open = none(true);
    open.pauseWhenOverlayOpen = false;
    free.update(open);
    EXPECT_FALSE(free.paused());

    // Resumed by the user while open: closing must not pause or resume anything.
    game::RoundFlow resumed(false);
    resumed.update(none(true));
    resumed.setPaused(false);
    resumed.update(none(false));
    EXPECT_FALSE(resumed.paused());
}

TEST(RoundFlow, RAsksBeforeThrowingARunningRoundAway) {
    game::RoundFlow flow(false);
    EXPECT_FALSE(flow.update(key(&game::RoundInput::restartPressed)).restart);
    EXPECT_TRUE(flow.confirmingRestart());
    EXPECT_FALSE(flow.simulating()) << "the round waits for the answer";
    EXPECT_TRUE(flow.update(key(&game::RoundInput::restartPressed)).restart);
    EXPECT_FALSE(flow.confirmingRestart());

    flow.update(key(&game::RoundInput::restartPressed));
    EXPECT_FALSE(flow.update(key(&game::RoundInput::cancelPressed)).restart);
    EXPECT_FALSE(flow.confirmingRestart());
    EXPECT_TRUE(flow.simulating());

    flow.update(key(&game::RoundInput::restartPressed));
    game::RoundInput move = none();
    move.anyPressed = true; // W, say: the player goes on playing
    EXPECT_FALSE(flow.update(move).restart);
    EXPECT_FALSE(flow.confirmingRestart());
}

TEST(RoundFlow, AfterAGameOverRRestartsAtOnce) {
    game::RoundFlow flow(false);
    game::RoundInput r = key(&game::RoundInput::restartPressed);
    r.roundOver = true;
    EXPECT_TRUE(flow.update(r).restart);
    EXPECT_FALSE(flow.confirmingRestart());
}
