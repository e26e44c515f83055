#pragma once
// SandboxLimits: how much a script may do in one call. Budgets count loop iterations and function
// calls (deterministic: the same script on the same inputs stops at the same place on any VM);
// the time limits are a backstop for work the counts cannot see.
#include <cstddef>
#include <cstdint>

namespace scripting {

struct SandboxLimits {
    int32_t refill = 1000;              // checks between two visits of the slow path
    int32_t thinkRefills = 200;         // think: 200 x 1000 loop iterations and calls per entity
    int32_t loadRefills = 2000;         // a chunk's top level (loading a script, scriptcheck --exec)
    double loadSeconds = 1.0;           // time limit of a chunk's top level
    double batchSeconds = 0.25;         // time limit of one batch of think calls
    int32_t maxCallbackDepth = 16;      // nested C -> Lua callbacks (gsub, sort, __tostring)
    int32_t maxSortElements = 100000;   // table.sort refuses more
    int64_t maxStringBytes = 16 << 20;  // string.rep refuses longer results
    bool instrument = true;             // false only to measure what the budget checks cost
};

inline SandboxLimits defaultSandboxLimits() { return SandboxLimits{}; }

} // namespace scripting
