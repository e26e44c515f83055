#pragma once
// Pool statistics: plain structs the headless summary, --stats-json and the overlay read.
#include <cstdint>
#include <vector>

namespace scripting {

struct VmStats {
    double busyMs = 0.0; // time spent running batches
    uint64_t batches = 0;
    uint64_t entities = 0;
    uint64_t errors = 0;
    uint64_t luaBytes = 0;       // Lua memory at the end of the tick (not summed in totals)
    uint64_t allocatedBytes = 0; // bytes Lua allocated during the think phase (garbage to come)
    uint64_t retired = 0;        // VMs retired in this slot (memory held that no collection frees)
};

struct BatchTiming {
    int vm = 0;
    uint32_t slot = 0;
    uint32_t entities = 0;
    double startMs = 0, endMs = 0; // from the start of the think phase
};

struct PoolStats {
    std::vector<VmStats> lastTick;        // one per VM; VM 0 runs on the main thread
    std::vector<VmStats> total;           // summed over every tick (luaBytes: latest)
    double lastThinkWallMs = 0.0;         // wall time of the last think phase (dispatch to join)
    std::vector<BatchTiming> lastBatches; // the last tick's batches, for the timeline
    double totalThinkWallMs = 0.0;
    uint64_t ticks = 0;
};

} // namespace scripting
