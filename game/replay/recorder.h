#pragma once
// Recorder: keeps a session's Recording as it is played (the window keeps the whole session in
// memory; --record writes it). Every change to the simulation goes through it: step() for the
// tick (the command applied is kept, the autopilot's too) and act() for changes between ticks;
// script file states are taken from the library as its reloads read them.
//
// Cost: a command per tick (a few bytes) and, every kCheckpointTicks, the part hashes (a pass
// over the enemies and the main VM's object tables). Measured by arena-bench `recording`.
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "game/replay/recording.h"

namespace game {

class Recorder {
public:
    /// Starts recording `session` (before its first step); it must outlive the recorder.
    Recorder(GameSession& session, LiveScripts& live);
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    /// One tick: Game::step, then its command and (every second) a checkpoint are kept.
    void step(const PlayerCommand* command);
    /// A change between ticks (its tick is filled in), applied through applyAction and kept
    /// whether or not it changed anything (so a replay fails the same way). False with *error
    /// when it changed nothing.
    bool act(RecordedAction action, std::string* error);

    const Recording& recording() const { return m_recording; }

private:
    GameSession& m_session;
    LiveScripts& m_live;
    Recording m_recording;
};

} // namespace game
