#pragma once
// PlayedSession: the session a rendered run (the window, a screenshot) plays: its own, recorded
// (recorder.h keeps it all in memory; --record writes it at exit), or with --replay the
// recording's, played back read-only.
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "game/replay/recorder.h"
#include "game/replay/replay.h"

#include <memory>
#include <string>

namespace game {

struct PlayedSession {
    Recording replayed;
    std::unique_ptr<ReplayRun> replay;
    GameSession owned;
    std::unique_ptr<LiveScripts> ownedLive;
    std::unique_ptr<Recorder> recorder;

    /// False (the reason in *error) when no game could start.
    bool open(const AppOptions& options, bool autoRestart, bool watch, std::string* error);
    /// A new live session in place of the current one (the player's round after the attract's).
    void replaceWith(GameSession fresh, const AppOptions& options, bool watch);
    GameSession& session() { return replay ? replay->session() : owned; }
    LiveScripts* live() { return replay ? &replay->live() : ownedLive.get(); }
};

} // namespace game
