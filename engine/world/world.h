#pragma once
// World: every simulated object and the per-tick spatial index. Owned by the game; during the
// think phase it is only read (the parallel phase gets a const World&).
#include "engine/core/random.h"
#include "engine/core/slot_map.h"
#include "engine/world/enemy_buckets.h"
#include "engine/world/enemy_memory.h"
#include "engine/world/objects.h"
#include "engine/world/spatial_grid.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace engine {

class WorkerPool;

/// Every enemy's two randoms of one tick, what its think reads as self.rand and self.rand2:
/// unitFloat(hashRandom(seed, its packed id, tick * 2)) and (..., tick * 2 + 1). Per enemy and
/// tick, independent of who computes the think, so pure behaviours stay deterministic on any VM.
/// The tick's part of the hash is mixed once here, not once per enemy.
class TickRandoms {
public:
    TickRandoms(uint64_t seed, uint64_t tick)
        : m_seed(seed), m_first(mix64(tick * 2)), m_second(mix64(tick * 2 + 1)) {}
    glm::vec2 of(ObjectId id) const {
        const uint64_t stream = packObjectId(id);
        return {unitFloat(mix64(m_seed ^ mix64(stream ^ m_first))),
                unitFloat(mix64(m_seed ^ mix64(stream ^ m_second)))};
    }

private:
    uint64_t m_seed, m_first, m_second;
};

struct World {
    glm::vec2 size{1600.0f, 900.0f};
    uint64_t tick = 0;
    SlotMap<Enemy>
        enemies; // create and destroy through the functions below: they keep types grouped
    std::vector<Bullet> bullets;
    Player player;
    SpatialGrid enemyGrid; // built at the snapshot from enemy positions (dense order)
    std::vector<glm::vec2> enemyPositions; // the grid's input, copied at the snapshot
    std::vector<glm::vec2> enemyVelocities;
    // This tick's two deterministic randoms in [0, 1) per enemy (dense order), set at the snapshot.
    std::vector<glm::vec2> enemyRandoms;
    EnemyBuckets enemyBuckets;
    EnemyMemory enemyMemory; // each enemy's script memory, by type (Enemy::memorySlot)

    /// Adds e with a fresh, zeroed memory slot of its type.
    ObjectId addEnemy(const Enemy& e) {
        Enemy placed = e;
        placed.memorySlot = enemyMemory.allocate(e.type);
        const ObjectId id = enemyBuckets.create(enemies, placed);
        if (id.isNull())
            enemyMemory.release(e.type, placed.memorySlot);
        return id;
    }
    bool removeEnemy(ObjectId id) {
        const Enemy* e = enemies.get(id);
        if (!e)
            return false;
        const uint16_t type = e->type;
        const uint32_t slot = e->memorySlot;
        if (!enemyBuckets.destroy(enemies, id))
            return false;
        enemyMemory.release(type, slot);
        return true;
    }
    void clearEnemies() {
        enemyBuckets.clear(enemies);
        enemyMemory.clear();
    }
    /// What the think reads besides the records, as of now: this tick's randoms, the grid and
    /// faultedEnemies, on `pool`'s threads when given. The same for any pool. The tick's last
    /// change before the think.
    void snapshot(uint64_t seed, WorkerPool* pool);
    /// Set by snapshot(): how many enemies are faulted (their think must not run). The think
    /// phase looks for them only when there are any. Valid while snapshotCurrent().
    size_t faultedEnemies = 0;
    bool snapshotCurrent() const {
        return m_snapshotChanges == enemies.changes() && m_snapshotTick == tick;
    }

    /// The enemy's memory (enemyMemory.bytes(e.type) of them), null if it has no slot.
    uint8_t* memoryOf(const Enemy& e) { return enemyMemory.at(e.type, e.memorySlot); }
    const uint8_t* memoryOf(const Enemy& e) const { return enemyMemory.at(e.type, e.memorySlot); }

private:
    uint64_t m_snapshotChanges = UINT64_MAX, m_snapshotTick = UINT64_MAX;
    std::vector<uint32_t> m_faultedPerPart; // snapshot's scratch
};

} // namespace engine
