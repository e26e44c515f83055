#pragma once
// EnemyBuckets: keeps a SlotMap<Enemy>'s dense array grouped by type (every type-0 enemy, then
// every type-1 enemy, ...), so each script's think batch walks memory front to back.
//
// Why: the think phase runs one script at a time. With types interleaved at random, every enemy
// it reads and every intent it writes is a cache miss the hardware prefetchers cannot predict;
// at 100k enemies that made the think phase 2-3x slower than the same work in order (README,
// "Performance"). Grouping costs at most one swap per type on each create and destroy.
//
// Contract:
// - Every create and destroy of the map goes through here (a direct one breaks the grouping,
//   which costs speed, never correctness: nothing reads the order as a promise).
// - Order within a type is not creation order, but it is deterministic: same calls, same order.
#include "engine/core/slot_map.h"
#include "engine/world/objects.h"

#include <cstdint>
#include <span>
#include <vector>

namespace engine {

class EnemyBuckets {
public:
    /// Adds e to the end of its type's run. Returns its id (also written to the stored e.id).
    ObjectId create(SlotMap<Enemy>& enemies, const Enemy& e);
    /// Removes it, keeping the runs contiguous. False (and nothing changes) for a stale id.
    bool destroy(SlotMap<Enemy>& enemies, ObjectId id);
    void clear(SlotMap<Enemy>& enemies);

    /// Dense index of the first enemy of `type` (the end of the runs for an unknown type).
    uint32_t start(uint16_t type) const;
    /// Enemies per type, indexed by type.
    std::span<const uint32_t> counts() const { return m_count; }
    /// True when the dense array is grouped as promised (tests and debug checks).
    bool isGrouped(const SlotMap<Enemy>& enemies) const;

private:
    std::vector<uint32_t> m_count;
};

} // namespace engine
