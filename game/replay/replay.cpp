#include "game/replay/replay.h"

#include "game/replay/sim_actions.h"

#include <cstdio>

namespace game {

std::string Divergence::text() const {
    const auto hex = [](uint64_t h) {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
        return std::string(buf);
    };
    return "diverged at tick " + std::to_string(tick) + ": " + kHashPartNames[part] +
           " differ (recorded " + hex(expected.part(part)) + ", replayed " +
           hex(actual.part(part)) + "; " +
           (lastMatched ? "tick " + std::to_string(lastMatched) + " matched: it began after it"
                        : "no checkpoint before it") +
           ")";
}

AppOptions recordedOptions(const RecordingHeader& h, int pool) {
    AppOptions options;
    options.seed = h.seed;
    options.enemies = h.enemies;
    options.vmMemoryMb = h.vmMemoryMb;
    options.thinkBudget = h.thinkBudget;
    options.scriptsDir = h.scriptsRoot;
    options.pool = pool;
    return options;
}

std::unique_ptr<ReplayRun> ReplayRun::start(const Recording& recording, const ReplayDef& def,
                                            std::string* error) {
    std::unique_ptr<ReplayRun> run(new ReplayRun());
    run->m_recording = std::make_shared<const Recording>(recording);
    run->m_check = def.check;
    const RecordingHeader& h = recording.header;
    const AppOptions options = recordedOptions(h, def.pool);
    const scripting::ScriptFiles files = scriptFilesOf(recording);
    run->m_session = makeGame(options, h.autoRestart, error, &files, def.quiet);
    if (!run->m_session.game)
        return nullptr;
    run->m_live = std::make_unique<LiveScripts>(run->m_session, h.scriptsRoot, /*watch=*/false);
    run->m_live->setPrintOutcomes(!def.quiet);
    return run;
}

ReplayRun::~ReplayRun() {
    m_live.reset(); // before the session it refers to
}

void ReplayRun::applyActionsBefore(uint64_t tick) {
    const auto& actions = m_recording->actions;
    for (; m_nextAction < actions.size() && actions[m_nextAction].tick <= tick; ++m_nextAction) {
        std::string ignored; // it failed live the same way
        applyAction(m_session, *m_live, actions[m_nextAction], &ignored);
    }
}

bool ReplayRun::step() {
    if (m_divergence || finished())
        return false;
    Game& game = *m_session.game;
    const uint64_t next = game.world().tick + 1;
    applyActionsBefore(next);
    game.step(&m_recording->commands[next - 1]);
    const auto& checkpoints = m_recording->checkpoints;
    while (m_nextCheckpoint < checkpoints.size() && checkpoints[m_nextCheckpoint].tick < next)
        ++m_nextCheckpoint;
    if (m_check && m_nextCheckpoint < checkpoints.size() &&
        checkpoints[m_nextCheckpoint].tick == next) {
        const PartHashes actual = game.partHashes();
        const PartHashes& expected = checkpoints[m_nextCheckpoint].hashes;
        for (size_t part = 0; part < kHashPartNames.size(); ++part)
            if (expected.part(part) != actual.part(part)) {
                m_divergence =
                    Divergence{next, m_nextCheckpoint ? checkpoints[m_nextCheckpoint - 1].tick : 0,
                               part, expected, actual};
                return false;
            }
        ++m_nextCheckpoint;
    }
    return true;
}

bool ReplayRun::runTo(uint64_t tick) {
    while (this->tick() < tick && step()) {
    }
    return !m_divergence;
}

} // namespace game
