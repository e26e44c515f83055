#pragma once
// Fills the OverlayModel from the game's plain stats (pool, main VM, error log, live scripts).
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "game/debug/overlay_model.h"

namespace game {

struct FrameInfo {
    float fps = 0;
    double renderMs = 0;
    bool paused = false;
    float timeScale = 1;
    engine::ObjectId selected;
    uint64_t selectedGoneAtTick = 0; // when the selected object was last seen gone (0: never)
    bool overlayVisible = true;      // hidden: only what the error badge needs (no per-enemy work)
};

class JitChecker;
OverlayModel buildOverlayModel(const GameSession& session, const LiveScripts* live,
                               const FrameInfo& frame, const JitChecker* jit = nullptr);

} // namespace game
