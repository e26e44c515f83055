#pragma once
// TimeTravelControls: the window's way into the past of the session it plays (the overlay's Time
// travel and Think debugger panels, the console's Reproduce). It owns the past's world (a
// TimeTravel re-simulating the session's recording) and the debugger; the live game waits, paused,
// while the past is shown, and is never touched by it.
//
// Contract: seekTo/debugThink only ask; runPending() does it, after the frame, since a seek
// replaces the past's session, which the frame being drawn still reads (its errors, its world).
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "game/app/round_flow.h"
#include "game/debug/overlay_model.h"
#include "game/replay/recorder.h"
#include "game/replay/think_debugger.h"
#include "game/replay/time_travel.h"

#include <memory>
#include <optional>
#include <string>

namespace game {

class TimeTravelControls {
public:
    /// The session played now: live and recorded (recorder), or a replay (replayed).
    void bind(GameSession* session, LiveScripts* live, Recorder* recorder,
              const Recording* replayed);
    void setFlow(RoundFlow* flow) { m_flow = flow; }
    /// Forgets the past (a new session starts).
    void reset();

    void seekTo(uint64_t tick) { m_pendingSeek = tick; } // 0: back to the live game
    void debugThink(engine::ObjectId enemy, uint64_t tick, const std::string* whatIfSource);
    void runPending();
    /// Now, outside a frame: what seekTo asks for.
    void seekNow(uint64_t tick);

    bool inThePast() const { return m_shownTick != 0 && m_travel && m_travel->game(); }
    /// What the view and the panels show: the past while it is shown, else the live game.
    const GameSession& shownSession() const;
    const LiveScripts* shownLive() const;
    /// In the past, the VM pool's figures stay the live game's (its VMs are the ones working).
    static void keepLivePool(OverlayModel& model, const OverlayModel& liveModel);
    void fillModel(OverlayModel& model) const;
    /// The HUD's label while the past is shown ("" while live).
    std::string pastText() const;
    /// Writes the session up to `tick` for the console's Reproduce; returns what to show.
    std::string reproduce(uint64_t tick) const;

    bool hasDebug() const { return m_hasDebug; }
    const std::string& error() const { return m_error; }

private:
    const Recording* recording() const;
    uint64_t lastTick() const { return m_session->game->world().tick; }
    void debugNow(engine::ObjectId enemy, uint64_t tick, const std::string* whatIf);

    GameSession* m_session = nullptr;
    LiveScripts* m_live = nullptr;
    Recorder* m_recorder = nullptr;
    const Recording* m_replayed = nullptr;
    RoundFlow* m_flow = nullptr;
    std::unique_ptr<TimeTravel> m_travel;
    std::unique_ptr<ThinkDebugger> m_debugger;
    ThinkDebugResult m_debugResult;
    bool m_hasDebug = false;
    uint64_t m_shownTick = 0; // 0: the live game
    std::string m_error;
    struct DebugRequest {
        engine::ObjectId enemy;
        uint64_t tick = 0;
        std::optional<std::string> whatIf;
    };
    std::optional<uint64_t> m_pendingSeek;
    std::optional<DebugRequest> m_pendingDebug;
};

} // namespace game
