#pragma once
// Hud: the small ImGui readout (health, score, wave, FPS) and the pause / game-over banners.
#include "game/sim/game.h"

namespace game {

struct HudState {
    float fps = 0.0f;
    bool paused = false;
    bool attract = false; // the autopilot is flying until a key is pressed
};

void drawHud(const Game& game, const HudState& state);

} // namespace game
