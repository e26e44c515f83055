#pragma once
// ReplayRun: a recording played back in a session of its own, from the recording alone (its
// scripts are the embedded ones; the scripts folder is never read). Each tick applies the
// actions made before it, steps with the recorded command and compares the checkpoint after it,
// part by part; the first difference stops the run with a Divergence naming the tick and part.
// Any pool size gives the same run.
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "game/replay/recording.h"

#include <memory>
#include <optional>
#include <string>

namespace game {

struct Divergence {
    uint64_t tick = 0;        // the first checkpoint that differed
    uint64_t lastMatched = 0; // the checkpoint before it (0: none): it began after this tick
    size_t part = 0;          // index into kHashPartNames
    PartHashes expected, actual;
    /// "diverged at tick 120: enemies differ (recorded 1a.., replayed 2b..; tick 60 matched)"
    std::string text() const;
};

struct ReplayDef {
    int pool = 0;       // VMs in the think pool; 0 = one per hardware thread
    bool quiet = false; // nothing on stderr (the overlay's timeline)
    bool check = true;  // compare the checkpoints
};

/// The options a recording was made with (its scripts folder only names files), on `pool` VMs.
AppOptions recordedOptions(const RecordingHeader& header, int pool);

class ReplayRun {
public:
    static std::unique_ptr<ReplayRun> start(const Recording& recording, const ReplayDef& def,
                                            std::string* error);
    ~ReplayRun();

    /// Plays the next tick; false at the end of the recording or once it diverged.
    bool step();
    /// Plays up to `tick` (at most the recording's end); false if it diverged on the way.
    bool runTo(uint64_t tick);
    /// The same session recorded further (the window's recording grows): plays on into it.
    /// `longer` must start with what this run plays.
    void extend(const Recording& longer) {
        m_recording = std::make_shared<const Recording>(longer);
    }

    uint64_t tick() const { return m_session.game->world().tick; }
    bool finished() const { return tick() >= m_recording->ticks(); }
    const std::optional<Divergence>& divergence() const { return m_divergence; }
    const Recording& recording() const { return *m_recording; }
    GameSession& session() { return m_session; }
    const GameSession& session() const { return m_session; }
    Game& game() { return *m_session.game; }
    const Game& game() const { return *m_session.game; }
    LiveScripts& live() { return *m_live; }
    const LiveScripts& live() const { return *m_live; }

private:
    ReplayRun() = default;
    /// The actions made before tick `tick` (those left to apply).
    void applyActionsBefore(uint64_t tick);

    std::shared_ptr<const Recording> m_recording;
    GameSession m_session;
    std::unique_ptr<LiveScripts> m_live;
    size_t m_nextAction = 0, m_nextCheckpoint = 0;
    std::optional<Divergence> m_divergence;
    bool m_check = true;
};

} // namespace game
