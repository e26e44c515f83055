#pragma once
// Hud: a bar above the world (health, score, wave, FPS), the pause / restart banners and the
// game-over summary, placed in the arena's rectangle so neither the overlay's panels nor the HUD
// itself hide any of the play area.
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
    std::string past; // the world shown is a past tick (time travel): what to say about it
    // Where the arena is on screen (the overlay's panels take the rest); zero size: the window.
    glm::vec2 arenaMin{0.0f}, arenaSize{0.0f};
};

/// The HUD's bar across the top of the arena's rectangle; the world is drawn below it.
/// Call inside an ImGui frame (or after the first one: it reads the style's sizes).
float hudBarHeight();

/// The bar (health, score, best, wave, enemies, FPS), the banners (attract, paused, restart?)
/// and the game-over summary, centred on the world under the bar.
void drawHud(const Game& game, const HudState& state);

} // namespace game
