#include "pool/think_batches.h"

#include <algorithm>
#include <cassert>

namespace scripting {

void ThinkBatches::plan(const engine::World& world, std::span<engine::Intent> intents,
                        const std::vector<bool>& quarantined, size_t vmCount) {
    const auto enemies = world.enemies.dense();
    const size_t slots = quarantined.size();
    const auto idle = [&](size_t i, bool byQuarantine) {
        engine::Intent& out = intents[i];
        out.velocity = out.aim = glm::vec2(0.0f);
        out.fire = 0;
        out.faulted = byQuarantine ? 1 : 0;
    };
    // A grouped world: each script's run is read off the bucket counts, the order is the
    // identity, and no enemy is touched here.
    const auto counts = world.enemyBuckets.counts();
    m_runs.assign(slots, Run{});
    if (world.enemyBuckets.tracks(world.enemies) && counts.size() <= slots) {
        assert(world.enemyBuckets.isGrouped(world.enemies));
        if (m_identity.size() < enemies.size()) { // grows once to the largest population seen
            const size_t from = m_identity.size();
            m_identity.resize(enemies.size());
            for (size_t i = from; i < enemies.size(); ++i)
                m_identity[i] = uint32_t(i);
        }
        m_order = m_identity.data();
        uint32_t runStart = 0;
        for (size_t s = 0; s < slots; ++s) {
            const uint32_t count = s < counts.size() ? counts[s] : 0;
            if (quarantined[s])
                for (uint32_t i = runStart; i < runStart + count; ++i)
                    idle(i, true);
            else
                m_runs[s] = {runStart, runStart + count};
            runStart += count;
        }
    } else {
        // Not grouped (worlds built by hand, in tests): a counting sort by script.
        std::vector<uint32_t>& start = m_start;
        start.assign(slots + 1, 0);
        for (size_t i = 0; i < enemies.size(); ++i) {
            const engine::Enemy& e = enemies[i];
            if ((e.flags & engine::kEnemyFaulted) || e.type >= slots || quarantined[e.type]) {
                idle(i, e.type < slots && quarantined[e.type]);
                continue;
            }
            ++start[e.type + 1];
        }
        for (size_t s = 0; s < slots; ++s) {
            start[s + 1] += start[s];
            m_runs[s] = {start[s], start[s + 1]};
        }
        m_sorted.resize(start[slots]);
        for (size_t i = 0; i < enemies.size(); ++i) {
            const engine::Enemy& e = enemies[i];
            if ((e.flags & engine::kEnemyFaulted) || e.type >= slots || quarantined[e.type])
                continue;
            m_sorted[start[e.type]++] = uint32_t(i);
        }
        m_order = m_sorted.data();
    }
    cut(vmCount);
    if (m_reversed) { // a purity check: each batch thinks its enemies in the opposite order
        size_t n = 0;
        for (const ThinkBatch& b : m_batches)
            n = std::max<size_t>(n, b.last);
        m_reversedOrder.assign(m_order, m_order + n);
        for (const ThinkBatch& b : m_batches)
            std::reverse(m_reversedOrder.begin() + b.first, m_reversedOrder.begin() + b.last);
        m_order = m_reversedOrder.data();
    }
}

void ThinkBatches::cut(size_t vmCount) {
    // Enough batches for dynamic balance (about 8 per VM), none so short that dispatch dominates.
    const size_t slots = m_runs.size();
    m_costNs.resize(slots, 100.0);
    double totalNs = 0.0;
    for (size_t s = 0; s < slots; ++s)
        totalNs += double(m_runs[s].last - m_runs[s].first) * m_costNs[s];
    const double batchNs = std::clamp(totalNs / double(vmCount * 8), 20e3, 250e3);
    m_bySlot.resize(slots);
    for (size_t s = 0; s < slots; ++s)
        m_bySlot[s] = uint32_t(s);
    std::stable_sort(m_bySlot.begin(), m_bySlot.end(),
                     [&](uint32_t a, uint32_t b) { return m_costNs[a] > m_costNs[b]; });
    m_batches.clear();
    for (uint32_t s : m_bySlot) {
        const uint32_t size =
            uint32_t(std::clamp(batchNs / std::max(m_costNs[s], 1.0), 32.0, 8192.0));
        for (uint32_t first = m_runs[s].first; first < m_runs[s].last; first += size)
            m_batches.push_back({s, first, std::min(first + size, m_runs[s].last)});
    }
}

void ThinkBatches::measure(const std::vector<std::vector<BatchTiming>>& timingsPerVm) {
    std::vector<double>& ms = m_measuredMs;
    std::vector<uint64_t>& entities = m_measuredEntities;
    ms.assign(m_costNs.size(), 0.0);
    entities.assign(m_costNs.size(), 0);
    for (const auto& perVm : timingsPerVm)
        for (const BatchTiming& b : perVm)
            if (b.slot < ms.size()) {
                ms[b.slot] += b.endMs - b.startMs;
                entities[b.slot] += b.entities;
            }
    for (size_t s = 0; s < ms.size(); ++s)
        if (entities[s] >= 32) // a handful of entities measures the call, not the script
            m_costNs[s] = 0.7 * m_costNs[s] + 0.3 * (ms[s] * 1e6 / double(entities[s]));
}

} // namespace scripting
