#pragma once
// The simulation's tick: fixed at 60 per second (docs/design.md "The tick"). The one place its
// length is written; rendering runs at whatever rate the display allows.
namespace engine {

inline constexpr int kTicksPerSecond = 60;
inline constexpr double kTickSeconds = 1.0 / kTicksPerSecond;
inline constexpr float kTickDt = float(kTickSeconds); // the same, for float simulation code

} // namespace engine
