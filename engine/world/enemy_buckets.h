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
// - Every create and destroy of the map goes through here. A direct one is noticed (SlotMap
//   counts its changes): from then on tracks() is false and creates and destroys here are plain
//   ones, until clear(). Readers that rely on the grouping (the think batches) check tracks().
// - Order within a type is not creation order, but it is deterministic: same calls, same order.
#include "engine/core/slot_map.h"
#include "engine/world/objects.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace engine {

class EnemyBuckets {
public:
    /// Told of each exchange of two dense positions, in order, so arrays kept parallel to the
    /// dense array can follow (World's per-enemy arrays). A create first appends at the end; a
    /// destroy ends with the leaver last, then removes it.
    using SwapListener = std::function<void(size_t, size_t)>;

    /// Adds e to the end of its type's run. Returns its id (also written to the stored e.id).
    ObjectId create(SlotMap<Enemy>& enemies, const Enemy& e, const SwapListener& onSwap = {});
    /// Removes it, keeping the runs contiguous. False (and nothing changes) for a stale id.
    bool destroy(SlotMap<Enemy>& enemies, ObjectId id, const SwapListener& onSwap = {});
    void clear(SlotMap<Enemy>& enemies);

    /// Dense index of the first enemy of `type` (the end of the runs for an unknown type).
    uint32_t start(uint16_t type) const;
    /// Enemies per type, indexed by type.
    std::span<const uint32_t> counts() const { return m_count; }
    /// True when every change of the map went through here, so it is grouped and counts() holds.
    bool tracks(const SlotMap<Enemy>& enemies) const {
        return !m_lost && m_seen == enemies.changes();
    }
    /// Checks the grouping element by element (tests and debug checks).
    bool isGrouped(const SlotMap<Enemy>& enemies) const;

private:
    void noticeForeignChanges(const SlotMap<Enemy>& enemies);

    std::vector<uint32_t> m_count;
    uint64_t m_seen = 0; // enemies.changes() after our last change
    bool m_lost = false; // someone else changed the map: no runs to keep until clear()
};

} // namespace engine
