#pragma once
// SandboxLimits: how much a script may do in one call. Units count loop iterations, function calls
// and library work (see src/sandbox/budget.h): deterministic, so the same script on the same
// inputs stops at the same place on any VM. The time limits are the backstop for work units cannot
// see (the `..` operator on big strings, a slow machine); they are checked about every 0.5 ms.
#include <cstddef>
#include <cstdint>

namespace scripting {

/// The largest cap a VM takes (a larger memoryBytes means this). Below it no string, buffer or
/// table can reach a size LuaJIT reports as an overflow: Debian 12's LuaJIT throws those errors
/// from compiled code with a broken frame and crashes (see src/vm/on_trace_oom.h).
inline constexpr size_t kMaxVmMemoryBytes = size_t(1) << 30;

struct SandboxLimits {
    double thinkUnits = 200000;  // one think call (per enemy per tick)
    double batchSeconds = 0.25;  // one batch of think calls (a share of one script's enemies)
    double chunkUnits = 2000000; // a chunk's top level (loading a script, scriptcheck --exec)
    double chunkSeconds = 1.0;
    double hookUnits = 200000; // one hook call (on_spawn, on_hit, on_death) or director update
    double hookSeconds = 0.1;
    int32_t maxSortElements = 100000;      // table.sort refuses more
    int64_t maxStringBytes = 16 << 20;     // string.rep refuses longer results
    size_t memoryBytes = size_t(64) << 20; // each VM's cap, at most kMaxVmMemoryBytes
    bool instrument = true;                // false only to measure what the budget checks cost
};

inline SandboxLimits defaultSandboxLimits() {
    return SandboxLimits{};
}

} // namespace scripting
