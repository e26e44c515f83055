#include "engine/platform/frame_limiter.h"

#include <algorithm>
#include <thread>

namespace engine {

namespace {
// Slept through with sleep_for, the rest of a wait minus this is yielded away: enough to absorb a
// sleep's overshoot, short enough that yielding costs about 1% of a core at 60 frames a second.
constexpr std::chrono::microseconds kYieldTail{200};
} // namespace

std::chrono::nanoseconds framePeriod(int refreshHz) {
    const int hz = std::max(60, refreshHz);
    return std::chrono::nanoseconds(1'000'000'000LL / hz);
}

FrameLimiter::FrameLimiter(std::chrono::nanoseconds period, Clock::time_point start)
    : m_period(period), m_frameStart(start) {
}

FrameLimiter::Clock::duration FrameLimiter::remaining(Clock::time_point now) const {
    return std::max(Clock::duration::zero(), m_frameStart + m_period - now);
}

void FrameLimiter::wait() {
    const Clock::time_point deadline = m_frameStart + m_period;
    if (deadline - Clock::now() > kYieldTail)
        std::this_thread::sleep_for(deadline - kYieldTail - Clock::now());
    while (Clock::now() < deadline)
        std::this_thread::yield();
    m_frameStart = Clock::now();
}

} // namespace engine
