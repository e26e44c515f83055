#include "engine/world/world.h"

#include "engine/core/parallel_ranges.h"

namespace engine {

void World::snapshot(uint64_t seed, WorkerPool* pool) {
    const auto dense = std::span<const Enemy>(enemies.dense());
    enemyPositions.resize(dense.size());
    enemyVelocities.resize(dense.size());
    enemyRandoms.resize(dense.size());
    glm::vec2* positions = enemyPositions.data();
    glm::vec2* velocities = enemyVelocities.data();
    glm::vec2* randomsOut = enemyRandoms.data();
    const TickRandoms randoms(seed, tick);
    const uint32_t parts = partsFor(pool, dense.size());
    m_faultedPerPart.assign(parts, 0);
    // One pass over the records into compact arrays: measured, the grid's two passes over them
    // beat reading the 64-byte records in place (13 vs 20 ms at a million enemies). Counting the
    // faulted is a register add; listing them here (a store, or a branch) cost 2-3 ms more.
    parallelRanges(pool, dense.size(), parts, [&](uint32_t part, size_t begin, size_t end) {
        uint32_t faulted = 0;
        for (size_t i = begin; i < end; ++i) {
            const Enemy& e = dense[i];
            positions[i] = e.position;
            velocities[i] = e.velocity;
            randomsOut[i] = randoms.of(e.id);
            faulted += (e.flags & kEnemyFaulted) != 0 ? 1u : 0u;
        }
        m_faultedPerPart[part] = faulted;
    });
    faultedEnemies = 0;
    for (uint32_t f : m_faultedPerPart)
        faultedEnemies += f;
    enemyGrid.rebuild(enemyPositions, enemyVelocities, pool);
    m_snapshotChanges = enemies.changes();
    m_snapshotTick = tick;
}

} // namespace engine
