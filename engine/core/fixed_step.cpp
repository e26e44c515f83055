#include "engine/core/fixed_step.h"

#include <algorithm>

namespace engine {

int FixedStepClock::advance(double frameSeconds) {
    if (!(frameSeconds > 0.0)) // also rejects NaN
        return 0;
    if (frameSeconds > m_def.maxFrameSeconds) {
        m_dropped += frameSeconds - m_def.maxFrameSeconds;
        frameSeconds = m_def.maxFrameSeconds;
    }
    m_accumulator += frameSeconds;
    int steps = int(m_accumulator / m_def.stepSeconds);
    m_accumulator -= steps * m_def.stepSeconds;
    if (steps > m_def.maxStepsPerFrame) {
        m_dropped += (steps - m_def.maxStepsPerFrame) * m_def.stepSeconds;
        steps = m_def.maxStepsPerFrame;
    }
    m_accumulator = std::max(0.0, m_accumulator);
    return steps;
}

} // namespace engine
