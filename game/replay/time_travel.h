#pragma once
// TimeTravel: the overlay's way into the past of the session being played. It re-simulates the
// session's recording in a world of its own (a ReplayRun with its own VMs: the live game and its
// VMs are never touched) and keeps, for the tick it shows, the think phase's input (the world as
// the think of that tick read it) so any enemy's think there can be traced (think_debugger.h).
//
// How it seeks: forwards by playing on from where it is; backwards by starting again from tick
// 0 (a new ReplayRun) and playing up to the tick. Re-simulation runs far faster than real time
// (arena-bench `time_travel` measures it: at 1,000 enemies, a 5-minute session from the start in
// about 2 s), so no keyframes are kept.
#include "game/replay/recording.h"
#include "game/replay/replay.h"

#include <memory>
#include <optional>
#include <string>

namespace game {

/// The think phase's input at one tick, and what it produced: enough to run any enemy's think
/// there again.
struct ThinkCapture {
    uint64_t tick = 0;
    engine::World world; // as the think read it (after the snapshot)
    std::vector<engine::EnemyType> types;
    std::vector<engine::Intent> intents; // what the pool returned, dense order
    engine::EnemyMemory memoryAfter;     // the memory the thinks wrote (world has what they read)
    uint64_t seed = 0;
    float dt = 0;
    /// The scripts each enemy type and module ran at that tick (chunkname -> source).
    std::vector<scripting::ScriptFile> enemyScripts; // by type slot
    std::vector<scripting::ScriptFile> libs;
};

class TimeTravel {
public:
    explicit TimeTravel(int pool = 1) : m_pool(pool) {}

    /// Shows `tick` (1..recording.ticks()) of `recording`: afterwards game() is the world after
    /// that tick, and capture() the think of that tick. False with *error if the replay cannot
    /// start or diverges (a determinism bug: said in *error).
    bool seek(const Recording& recording, uint64_t tick, std::string* error);
    /// The world shown (null before the first seek).
    const Game* game() const { return m_run ? &m_run->game() : nullptr; }
    const GameSession* session() const { return m_run ? &m_run->session() : nullptr; }
    const LiveScripts* live() const { return m_run ? &m_run->live() : nullptr; }
    uint64_t tick() const { return m_run ? m_run->tick() : 0; }
    const ThinkCapture* capture() const { return m_capture ? &*m_capture : nullptr; }
    /// How long the last seek took, and how many ticks it simulated.
    double lastSeekMs() const { return m_lastSeekMs; }
    uint64_t lastSeekTicks() const { return m_lastSeekTicks; }
    /// Forgets the world (back to live).
    void reset();

private:
    int m_pool;
    std::unique_ptr<ReplayRun> m_run;
    std::optional<ThinkCapture> m_capture;
    double m_lastSeekMs = 0;
    uint64_t m_lastSeekTicks = 0;
};

} // namespace game
