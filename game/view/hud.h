#pragma once
// Hud: the small ImGui readout (health, score, wave, FPS) and the pause / game-over banners.
#include "game/sim/game.h"

#include <string>

namespace game {

struct HudState {
    float fps = 0.0f;
    bool paused = false;
    bool attract = false; // the autopilot is flying until a key is pressed
    std::string notice;   // the latest reload outcome, shown for a few seconds ("" = none)
    bool noticeRefused = false;
};

void drawHud(const Game& game, const HudState& state);

} // namespace game
