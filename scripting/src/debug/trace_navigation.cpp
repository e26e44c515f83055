#include "scripting/trace_navigation.h"

namespace scripting {

namespace {

// The nearest index after (or before) `from` whose step matches; the end in that direction if
// none does.
template <typename Match>
size_t find(const std::vector<TraceStep>& steps, size_t from, TraceDirection direction,
            Match match) {
    if (steps.empty())
        return 0;
    if (from >= steps.size())
        from = steps.size() - 1;
    if (direction == TraceDirection::Forward) {
        for (size_t i = from + 1; i < steps.size(); ++i)
            if (match(steps[i]))
                return i;
        return steps.size() - 1;
    }
    for (size_t i = from; i-- > 0;)
        if (match(steps[i]))
            return i;
    return 0;
}

} // namespace

size_t stepInto(const std::vector<TraceStep>& steps, size_t from, TraceDirection direction) {
    return find(steps, from, direction, [](const TraceStep&) { return true; });
}

size_t stepOver(const std::vector<TraceStep>& steps, size_t from, TraceDirection direction) {
    if (steps.empty())
        return 0;
    const int depth = steps[from < steps.size() ? from : steps.size() - 1].depth;
    return find(steps, from, direction, [depth](const TraceStep& s) { return s.depth <= depth; });
}

size_t stepOut(const std::vector<TraceStep>& steps, size_t from, TraceDirection direction) {
    if (steps.empty())
        return 0;
    const int depth = steps[from < steps.size() ? from : steps.size() - 1].depth;
    return find(steps, from, direction, [depth](const TraceStep& s) { return s.depth < depth; });
}

size_t runToBreakpoint(const std::vector<TraceStep>& steps, size_t from,
                       const TraceBreakpoints& breakpoints, TraceDirection direction) {
    return find(steps, from, direction, [&breakpoints](const TraceStep& s) {
        return breakpoints.count({s.chunk, s.line}) != 0;
    });
}

} // namespace scripting
