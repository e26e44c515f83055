#pragma once
// World: every simulated object and the per-tick spatial index. Owned by the game; during the
// think phase it is only read (the parallel phase gets a const World&), but for the enemies'
// memory, which each think writes in its own slot (see engine/world/think_phase.h).
#include "engine/core/large_array.h"
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
/// The tick's part of the hash is mixed once here, not once per enemy; an enemy's are computed
/// only when its think reads them (no shipped script does), not kept per enemy.
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
    // Per enemy, dense order: position and velocity, the grid's input. Set at the snapshot, or
    // kept in step since the apply step wrote them (see pointsWritten).
    LargeArray<glm::vec2> enemyPositions;
    LargeArray<glm::vec2> enemyVelocities;
    EnemyBuckets enemyBuckets;
    EnemyMemory enemyMemory; // each enemy's script memory, by type (Enemy::memorySlot)

    /// Adds e with a fresh, zeroed memory slot of its type.
    ObjectId addEnemy(const Enemy& e);
    bool removeEnemy(ObjectId id);
    void clearEnemies();

    /// What the think reads besides the records, as of now: the grid and faultedEnemies, on
    /// `pool`'s threads when given. The same for any pool. The tick's last change before the
    /// think.
    void snapshot(WorkerPool* pool);
    /// Set by snapshot(): how many enemies are faulted (their think must not run). The think
    /// phase looks for them only when there are any. Valid while snapshotCurrent(), which sees
    /// adds, removes and reorders, not flags: set by hand after the snapshot, they go unseen.
    size_t faultedEnemies = 0;
    bool snapshotCurrent() const {
        return m_snapshotChanges == enemies.changes() && m_snapshotTick == tick;
    }

    /// For the apply step, which writes every enemy's position and velocity: having written
    /// them to enemyPositions and enemyVelocities too, for every dense index, with `faulted`
    /// enemies flagged, it says so, for the snapshot of tick `forTick`. From then on adds and
    /// removes keep the arrays in step, and that snapshot uses them instead of reading every
    /// record again. Any change made past World (a record moved or flagged by hand, a map
    /// change) must call forgetPoints(), or go unnoticed only if it changes the map's change
    /// count, which the snapshot checks.
    void pointsWritten(uint64_t forTick, size_t faulted);
    void forgetPoints() { m_points.valid = false; }
    /// Snapshots that read every record (the others used what the apply step wrote).
    uint64_t snapshotsCopyingRecords = 0;

    /// The enemy's memory (enemyMemory.bytes(e.type) of them), null if it has no slot.
    uint8_t* memoryOf(const Enemy& e) { return enemyMemory.at(e.type, e.memorySlot); }
    const uint8_t* memoryOf(const Enemy& e) const { return enemyMemory.at(e.type, e.memorySlot); }

private:
    void copyPoints(WorkerPool* pool);
    void swapPoints(size_t a, size_t b);
    bool pointsInStep() const {
        return m_points.valid && m_points.changes == enemies.changes() &&
               enemyPositions.size() == enemies.size();
    }

    uint64_t m_snapshotChanges = UINT64_MAX, m_snapshotTick = UINT64_MAX;
    struct PointsState { // what pointsWritten vouched for, kept in step by adds and removes
        bool valid = false;
        uint64_t changes = 0, tick = 0;
        size_t faulted = 0;
    } m_points;
    std::vector<uint32_t> m_faultedPerPart; // snapshot's scratch
};

} // namespace engine
