#pragma once
#include "game/app/options.h"

namespace game {

/// arena (the window). The autopilot plays an attract round until the player presses a key.
int runWindow(const AppOptions& options);

/// arena --screenshot FILE: renders offscreen (SDL_VIDEODRIVER=offscreen unless the caller chose a
/// driver), one tick per frame, and writes a PNG after options.frames frames.
int runScreenshot(const AppOptions& options);

} // namespace game
