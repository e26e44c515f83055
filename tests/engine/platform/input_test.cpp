#include "engine/platform/input.h"

#include <SDL.h>
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

namespace {
SDL_Event keyDown(SDL_Keycode key) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = key;
    return e;
}
SDL_Event mouseDown(Uint8 button) {
    SDL_Event e{};
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = button;
    return e;
}
} // namespace

TEST(Input, TheOverlaysKeysAndClicksAreNotTheGamesInput) {
    // F1 and the right click belong to the overlay: they must not end the attract mode.
    engine::InputSystem input;
    input.beginFrame();
    input.handleEvent(keyDown(SDLK_F1), false, false);
    input.handleEvent(mouseDown(SDL_BUTTON_RIGHT), false, false);
    EXPECT_TRUE(input.state().overlayPressed);
    EXPECT_FALSE(input.state().anyPressed);
    input.beginFrame();
    input.handleEvent(keyDown(SDLK_SPACE), false, false);
    EXPECT_TRUE(input.state().anyPressed);
    input.beginFrame();
    input.handleEvent(mouseDown(SDL_BUTTON_LEFT), false, false);
    EXPECT_TRUE(input.state().anyPressed);
}

TEST(Input, EscapeCancelsUnlessTheUiHasTheKeyboard) {
    engine::InputSystem input;
    input.beginFrame();
    input.handleEvent(keyDown(SDLK_ESCAPE), false, false);
    EXPECT_TRUE(input.state().cancelPressed);
    input.beginFrame();
    input.handleEvent(keyDown(SDLK_ESCAPE), /*uiWantsKeyboard=*/true, false);
    EXPECT_FALSE(input.state().cancelPressed);
}

TEST(Input, MTogglesMuteUnlessTheUiHasTheKeyboardAndIsNoGameKey) {
    engine::InputSystem input;
    input.beginFrame();
    input.handleEvent(keyDown(SDLK_m), false, false);
    EXPECT_TRUE(input.state().mutePressed);
    EXPECT_FALSE(input.state().anyPressed); // muting does not end the attract mode
    input.beginFrame();
    EXPECT_FALSE(input.state().mutePressed);                             // one-shot
    input.handleEvent(keyDown(SDLK_m), /*uiWantsKeyboard=*/true, false); // typing in the editor
    EXPECT_FALSE(input.state().mutePressed);
}
