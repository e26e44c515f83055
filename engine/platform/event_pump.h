#pragma once
// EventPump: one frame's SDL events, and whether the frame may wait for them.
//
// A running game takes what is queued and goes on (the frame limiter paces it). An idle one (the
// game paused: nothing on screen moves unless the user acts) renders a few frames after each event,
// so ImGui's hover and active states settle, then blocks in SDL_WaitEventTimeout until the next
// event or the timeout: a paused window costs almost nothing, and what changes without an event
// (a reloaded script, a JIT check's verdict) still shows within the timeout.
//
// Contract: poll() once per frame. idleSeconds() is the time the last poll() blocked: it is time
// nobody watched, which the simulation's clock should not be asked to catch up on.
#include <SDL_events.h>

#include <vector>

namespace engine {

struct EventPumpDef {
    int settleFrames = 3;    // frames rendered after an event before waiting again
    int idleTimeoutMs = 250; // the longest an idle frame waits for an event
};

inline EventPumpDef defaultEventPumpDef() {
    return EventPumpDef{};
}

/// Whether a frame waits for events (pure): idle, and `settleFrames` frames since the last event.
bool shouldWaitForEvents(bool idle, int framesSinceEvent, const EventPumpDef& def);

class EventPump {
public:
    explicit EventPump(EventPumpDef def = defaultEventPumpDef()) : m_def(def) {}

    /// This frame's events, in order; valid until the next poll().
    const std::vector<SDL_Event>& poll(bool idle);
    double idleSeconds() const { return m_idleSeconds; }

private:
    EventPumpDef m_def;
    std::vector<SDL_Event> m_events;
    int m_framesSinceEvent = 0;
    double m_idleSeconds = 0;
};

} // namespace engine
