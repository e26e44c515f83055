#pragma once
// FixedStepClock: turns variable frame times into a whole number of fixed simulation steps.
//
// Contract:
// - advance(frameSeconds) adds the frame's time and returns how many steps to simulate now.
// - A single frame never asks for more than maxStepsPerFrame steps; time beyond that is dropped
//   (counted in droppedSeconds()) so a slow frame cannot snowball into slower frames.
// - alpha() is the leftover fraction of a step, for interpolating the rendered state.
#include "engine/core/tick.h"

namespace engine {

struct FixedStepDef {
    double stepSeconds = kTickSeconds;
    int maxStepsPerFrame = 5;
    double maxFrameSeconds = 0.25; // a longer frame (breakpoint, window drag) counts as this
};

inline FixedStepDef defaultFixedStepDef() {
    return FixedStepDef{};
}

class FixedStepClock {
public:
    explicit FixedStepClock(FixedStepDef def = defaultFixedStepDef()) : m_def(def) {}

    int advance(double frameSeconds);
    double alpha() const { return m_accumulator / m_def.stepSeconds; }
    double stepSeconds() const { return m_def.stepSeconds; }
    double droppedSeconds() const { return m_dropped; }
    void reset() { m_accumulator = 0.0; }

private:
    FixedStepDef m_def;
    double m_accumulator = 0.0;
    double m_dropped = 0.0;
};

} // namespace engine
