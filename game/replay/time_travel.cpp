#include "game/replay/time_travel.h"

#include <chrono>

namespace game {

void TimeTravel::reset() {
    m_run.reset();
    m_capture.reset();
}

bool TimeTravel::seek(const Recording& recording, uint64_t tick, std::string* error) {
    const auto start = std::chrono::steady_clock::now();
    if (tick == 0 || tick > recording.ticks()) {
        *error = "tick " + std::to_string(tick) + " is not in the recording (1.." +
                 std::to_string(recording.ticks()) + ")";
        return false;
    }
    if (m_run && m_capture && m_capture->tick == tick && m_run->tick() == tick)
        return true;   // already there
    m_capture.reset(); // whatever happens next, the old tick's capture is not this one's
    if (!m_run || m_run->tick() >= tick || m_run->divergence()) { // backwards: from the start
        m_capture.reset();
        ReplayDef def;
        def.pool = m_pool;
        def.quiet = true;
        m_run = ReplayRun::start(recording, def, error);
        if (!m_run)
            return false;
    } else {
        m_run->extend(recording);
    }
    const uint64_t begin = m_run->tick();
    const bool ok = m_run->runTo(tick - 1);
    GameSession& session = m_run->session();
    ThinkCapture capture;
    capture.tick = tick;
    session.game->setThinkObserver([&](const engine::ThinkContext& ctx,
                                       std::span<const engine::Intent> intents,
                                       const engine::EnemyMemory& memoryBefore) {
        capture.world = ctx.world;
        capture.world.enemyMemory = memoryBefore;
        capture.memoryAfter = ctx.memory;
        capture.types.assign(ctx.types.begin(), ctx.types.end());
        capture.intents.assign(intents.begin(), intents.end());
        capture.seed = ctx.seed;
        capture.dt = ctx.dt;
        const scripting::ScriptFiles files = session.think->loadedFiles();
        capture.enemyScripts = files.enemies;
        capture.libs = files.libs;
    });
    const bool stepped = ok && m_run->step();
    session.game->setThinkObserver(nullptr);
    m_lastSeekTicks = m_run->tick() - begin;
    m_lastSeekMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (m_run->divergence()) {
        *error = "the replay " + m_run->divergence()->text() +
                 ": a determinism bug (please report it with the recording)";
        m_run.reset(); // nothing of a diverged run is shown
        return false;
    }
    if (!stepped) {
        *error = "the replay stopped at tick " + std::to_string(m_run->tick());
        m_run.reset();
        return false;
    }
    m_capture = std::move(capture);
    return true;
}

} // namespace game
