#include "engine/platform/event_pump.h"

#include <SDL.h>

#include <algorithm>

namespace engine {

bool shouldWaitForEvents(bool idle, int framesSinceEvent, const EventPumpDef& def) {
    return idle && framesSinceEvent >= def.settleFrames;
}

const std::vector<SDL_Event>& EventPump::poll(bool idle) {
    m_events.clear();
    m_idleSeconds = 0;
    SDL_Event e;
    if (shouldWaitForEvents(idle, m_framesSinceEvent, m_def)) {
        const Uint64 start = SDL_GetPerformanceCounter();
        const bool woken = SDL_WaitEventTimeout(&e, m_def.idleTimeoutMs) != 0;
        m_idleSeconds =
            double(SDL_GetPerformanceCounter() - start) / double(SDL_GetPerformanceFrequency());
        if (woken)
            m_events.push_back(e);
    }
    while (SDL_PollEvent(&e))
        m_events.push_back(e);
    m_framesSinceEvent =
        m_events.empty() ? std::min(m_framesSinceEvent + 1, m_def.settleFrames) : 0;
    return m_events;
}

} // namespace engine
