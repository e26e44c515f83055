#pragma once
// Moving through a recorded think (ThinkTrace::steps) as a debugger steps through a live one, in
// either direction: pure functions from a step index to the next step index.
//
// Contract: every function returns a valid index of `steps` (0 when it is empty). A move that
// finds no step stops at the end it was heading for (the last step forwards, the first backwards).
// By depth: "into" goes to the adjacent step; "over" to the nearest step at the same depth or
// shallower (it skips what a call on this line did); "out" to the nearest shallower step (forwards:
// the caller's line after the call returns; backwards: the caller's line that made the call).
#include "scripting/think_trace.h"

#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace scripting {

enum class TraceDirection { Forward, Backward };

/// Breakpoints: (chunk name, line).
using TraceBreakpoints = std::set<std::pair<std::string, int>>;

size_t stepInto(const std::vector<TraceStep>& steps, size_t from, TraceDirection direction);
size_t stepOver(const std::vector<TraceStep>& steps, size_t from, TraceDirection direction);
size_t stepOut(const std::vector<TraceStep>& steps, size_t from, TraceDirection direction);
/// The nearest step in that direction (not `from` itself) on a breakpoint's line.
size_t runToBreakpoint(const std::vector<TraceStep>& steps, size_t from,
                       const TraceBreakpoints& breakpoints, TraceDirection direction);

} // namespace scripting
