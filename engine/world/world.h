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
#include <vector>

namespace engine {

/// An enemy's two randoms of a tick, what its think reads as self.rand and self.rand2: per enemy
/// and tick, independent of who computes the think, so pure behaviours stay deterministic on any
/// VM.
inline glm::vec2 thinkRandoms(uint64_t seed, ObjectId id, uint64_t tick) {
    const uint64_t stream = packObjectId(id);
    return {unitFloat(hashRandom(seed, stream, tick * 2)),
            unitFloat(hashRandom(seed, stream, tick * 2 + 1))};
}

struct World {
    glm::vec2 size{1600.0f, 900.0f};
    uint64_t tick = 0;
    SlotMap<Enemy>
        enemies; // create and destroy through the functions below: they keep types grouped
    std::vector<Bullet> bullets;
    Player player;
    SpatialGrid enemyGrid; // built at the snapshot from enemy positions (dense order)
    std::vector<glm::vec2> enemyPositions; // the grid's input, kept to avoid reallocating
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
    /// The enemy's memory (enemyMemory.bytes(e.type) of them), null if it has no slot.
    uint8_t* memoryOf(const Enemy& e) { return enemyMemory.at(e.type, e.memorySlot); }
    const uint8_t* memoryOf(const Enemy& e) const { return enemyMemory.at(e.type, e.memorySlot); }
};

} // namespace engine
