#include "game/app/time_travel_controls.h"

#include "game/app/user_files.h"
#include "game/replay/recording_codec.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace game {

void TimeTravelControls::bind(GameSession* session, LiveScripts* live, Recorder* recorder,
                              const Recording* replayed) {
    m_session = session;
    m_live = live;
    m_recorder = recorder;
    m_replayed = replayed;
}

void TimeTravelControls::reset() {
    m_shownTick = 0;
    m_travel.reset();
    m_hasDebug = false;
    m_error.clear();
    m_pendingSeek.reset();
    m_pendingDebug.reset();
}

const Recording* TimeTravelControls::recording() const {
    return m_recorder ? &m_recorder->recording() : m_replayed;
}

void TimeTravelControls::debugThink(engine::ObjectId enemy, uint64_t tick,
                                    const std::string* whatIfSource) {
    m_pendingDebug = DebugRequest{
        enemy, tick, whatIfSource ? std::optional<std::string>(*whatIfSource) : std::nullopt};
}

void TimeTravelControls::runPending() {
    if (m_pendingSeek)
        seekNow(*std::exchange(m_pendingSeek, std::nullopt));
    if (m_pendingDebug) {
        const DebugRequest r = *std::exchange(m_pendingDebug, std::nullopt);
        debugNow(r.enemy, r.tick, r.whatIf ? &*r.whatIf : nullptr);
    }
}

void TimeTravelControls::seekNow(uint64_t tick) {
    m_error.clear();
    if (tick == 0 || !recording() || !m_session) {
        m_shownTick = 0;
        return;
    }
    if (m_flow && m_flow->simulating()) // the round waits (an overlay's pause stays the overlay's)
        m_flow->setPaused(true);
    if (!m_travel) // as many VMs as the live game: it waits, paused, while the past is shown
        m_travel = std::make_unique<TimeTravel>(m_session->options.pool);
    // A replay shows what it has played so far; the live game, what it has recorded.
    const Recording cut = recordingUpTo(*recording(), lastTick());
    std::string error;
    m_shownTick = 0; // the live game, unless the past is there
    if (m_travel->seek(cut, std::min(tick, lastTick()), &error))
        m_shownTick = m_travel->tick();
    else
        m_error = error;
}

void TimeTravelControls::debugNow(engine::ObjectId enemy, uint64_t tick,
                                  const std::string* whatIf) {
    if (tick == 0 || tick > lastTick()) {
        m_error = "tick " + std::to_string(tick) + " is not in this session yet";
        return;
    }
    const auto there = [&] {
        return inThePast() && m_travel->capture() && m_travel->capture()->tick == tick;
    };
    if (!there())
        seekNow(tick);
    if (!there())
        return; // the seek said why
    if (!m_debugger)
        m_debugger = std::make_unique<ThinkDebugger>(sandboxLimits(m_session->options));
    std::string error;
    ThinkDebugResult result;
    if (m_debugger->debug(*m_travel->capture(), enemy, whatIf, &result, &error)) {
        m_debugResult = std::move(result);
        m_hasDebug = true;
    } else {
        m_error = error;
    }
}

const GameSession& TimeTravelControls::shownSession() const {
    return inThePast() ? *m_travel->session() : *m_session;
}

const LiveScripts* TimeTravelControls::shownLive() const {
    return inThePast() ? m_travel->live() : m_live;
}

void TimeTravelControls::keepLivePool(OverlayModel& model, const OverlayModel& liveModel) {
    model.vms = liveModel.vms;
    model.vmRetired = liveModel.vmRetired;
    model.thinkWallMs = liveModel.thinkWallMs;
    model.tickMs = liveModel.tickMs;
    model.poolSize = liveModel.poolSize;
    model.maxPoolSize = liveModel.maxPoolSize;
    model.jitEnabled = liveModel.jitEnabled;
    model.timeline = liveModel.timeline;
    model.lastTick = liveModel.lastTick;
}

void TimeTravelControls::fillModel(OverlayModel& model) const {
    OverlayModel::TimeTravelInfo& t = model.travel;
    t.available = recording() != nullptr;
    t.liveTick = m_session ? lastTick() : 0;
    t.shownTick = inThePast() ? m_shownTick : 0;
    t.lastSeekMs = m_travel ? m_travel->lastSeekMs() : 0;
    t.lastSeekTicks = m_travel ? m_travel->lastSeekTicks() : 0;
    t.changes = recording() ? recording()->actions.size() : 0;
    t.error = m_error;
    model.debug = m_hasDebug ? &m_debugResult : nullptr;
}

std::string TimeTravelControls::pastText() const {
    return inThePast()
               ? "THE PAST: tick " + std::to_string(m_shownTick) + " of " +
                     std::to_string(lastTick()) + " (re-simulated apart; Time travel: Live returns)"
               : "";
}

std::string TimeTravelControls::reproduce(uint64_t tick) const {
    if (!m_recorder)
        return "recording is off in this mode";
    if (tick == 0)
        return "nothing to reproduce before the first tick";
    const std::string path =
        userFilePath("XDG_DATA_HOME", ".local/share",
                     ("recordings/error-at-tick-" + std::to_string(tick) + ".arenarec").c_str());
    if (path.empty())
        return "no place to write the recording (neither XDG_DATA_HOME nor HOME is set)";
    std::string error;
    if (!writeUserFile(path, encodeRecording(recordingUpTo(m_recorder->recording(), tick)), &error))
        return "could not write the recording: " + error;
    std::fprintf(stderr, "arena: wrote %s: arena --replay '%s' --headless\n", path.c_str(),
                 path.c_str());
    return "wrote " + path + " (ticks 1.." + std::to_string(tick) + "): arena --replay '" + path +
           "' --headless";
}

} // namespace game
