#pragma once
// ThinkBatches: how one tick's think work is cut into batches for the VM pool.
//
// Contract:
// - plan() lists every enemy to think exactly once, in batches of one script each (one script per
//   batch keeps each driver's call site monomorphic: mixed batches break the JIT's traces).
//   Batches index order(): dense enemy indices grouped by script.
// - Enemies that must not think (faulted, unknown type, quarantined script) get an idle intent
//   here, except the faulted ones of a grouped world: they stay in the batches, and whoever runs
//   a batch skips them (LuaThinkPhase::runHealthy).
// - Batches take about the same time, by each script's measured cost per entity (measure()), and
//   the costliest scripts come first, so the phase ends on short batches.
// - No allocation once the largest population has been seen.
#include "engine/core/large_array.h"
#include "engine/world/intent.h"
#include "engine/world/world.h"
#include "scripting/pool_stats.h"

#include <cstdint>
#include <span>
#include <vector>

namespace scripting {

struct ThinkBatch {
    uint32_t slot, first, last; // script slot; range of order()
};

class ThinkBatches {
public:
    /// quarantined[slot]: that script's enemies idle. vmCount sizes the batches for balance.
    void plan(const engine::World& world, std::span<engine::Intent> intents,
              const std::vector<bool>& quarantined, size_t vmCount);
    /// After the tick: fold its batch timings into each script's cost per entity.
    void measure(const std::vector<std::vector<BatchTiming>>& timingsPerVm);

    /// Each batch runs its enemies back to front (scriptcheck's purity check: a pure think cannot
    /// tell).
    void setReversed(bool reversed) { m_reversed = reversed; }

    const std::vector<ThinkBatch>& batches() const { return m_batches; }
    const uint32_t* order() const { return m_order; }
    /// order()[k] == k: a grouped world, not reversed (batches are ranges of dense indices).
    bool orderIsIdentity() const { return !m_identity.empty() && m_order == m_identity.data(); }

private:
    void cut(size_t vmCount);

    struct Run {
        uint32_t first = 0, last = 0;
    };
    // The order: m_identity (0, 1, 2, ...) when the world keeps enemies grouped by type (the
    // game does, EnemyBuckets), else m_sorted, a counting sort by script. m_runs[slot] is the
    // script's range of it.
    engine::LargeArray<uint32_t> m_identity;
    std::vector<uint32_t> m_sorted;
    std::vector<uint32_t> m_start;
    const uint32_t* m_order = nullptr;
    std::vector<Run> m_runs;
    std::vector<double> m_costNs; // per script: ns per entity, a moving average
    std::vector<uint32_t> m_bySlot;
    std::vector<double> m_measuredMs;
    std::vector<uint64_t> m_measuredEntities;
    std::vector<ThinkBatch> m_batches;
    bool m_reversed = false;
    std::vector<uint32_t> m_reversedOrder;
};

} // namespace scripting
