#pragma once
// FrameLimiter: keeps a window to at most one frame per period when nothing else does.
//
// Without vsync, or with a swap that returns at once (under Xvfb SDL_GL_SetSwapInterval(1) can
// succeed and not block), a window renders as fast as it can: hundreds of frames a second and more
// than a core for a picture that changes 60 times. The limiter measures instead of asking: after
// each frame it sleeps only what is left of the period since the previous frame ended, so a swap
// that blocks for vsync, or a frame slower than the period, leaves nothing to sleep, and it never
// holds a frame back past a vsync.
//
// Contract: wait() once per frame, after the swap. It returns within about 0.1 ms after the
// deadline: it sleeps until just before it, then yields (Linux's sleeps overshoot by 50-100 us).
#include <chrono>

namespace engine {

/// The period a window's frames keep: 1/max(60, refreshHz); refreshHz 0 means unknown.
std::chrono::nanoseconds framePeriod(int refreshHz);

class FrameLimiter {
public:
    using Clock = std::chrono::steady_clock;

    /// The first frame begins at `start`.
    explicit FrameLimiter(std::chrono::nanoseconds period, Clock::time_point start = Clock::now());

    /// What is left at `now` of the frame that began when the last wait() returned (pure).
    Clock::duration remaining(Clock::time_point now) const;
    /// Sleeps the rest of the frame; the next frame begins when it returns.
    void wait();
    std::chrono::nanoseconds period() const { return m_period; }

private:
    std::chrono::nanoseconds m_period;
    Clock::time_point m_frameStart;
};

} // namespace engine
