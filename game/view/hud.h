#pragma once
// Hud: the small ImGui readout (health, score, wave, FPS) and the pause / game-over / restart
// banners, placed in the arena's rectangle so the overlay's panels never hide them.
#include "game/sim/game.h"

#include <glm/vec2.hpp>

#include <string>

namespace game {

struct HudState {
    float fps = 0.0f;
    bool paused = false;
    bool attract = false; // the autopilot is flying until a key is pressed
    std::string notice;   // the latest reload outcome, shown for a few seconds ("" = none)
    bool noticeRefused = false;
    bool pausedByOverlay = false; // opening the overlay paused the round
    bool confirmRestart = false;  // R was pressed in a running round: ask before throwing it away
    // Where the arena is on screen (the overlay's panels take the rest); zero size: the window.
    glm::vec2 arenaMin{0.0f}, arenaSize{0.0f};
};

void drawHud(const Game& game, const HudState& state);

} // namespace game
