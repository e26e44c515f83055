#pragma once
// SlotMap<T>: dense, swap-remove storage addressed by generational ObjectIds.
//
// Contract:
// - create() returns an id that stays valid until destroy(id); get(id) returns nullptr for a stale,
//   null or out-of-range id, never another object.
// - Values live in one contiguous array (dense()) in an order that changes on destroy (the last
//   value moves into the hole). Iterate dense() for speed; keep ids, not indices, across destroys.
// - Slots are reused last-freed-first, which keeps runs with the same inputs identical.
// - At most kCapacity objects live at once (the index bits of an ObjectId): past that create()
//   returns kNullObjectId and stores nothing, in every build; ids never alias.
#include "engine/core/handle.h"
#include "engine/core/large_array.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace engine {

template <class T> class SlotMap {
public:
    static constexpr size_t kCapacity = size_t(ObjectId::kMaxIndex) + 1;

    /// `capacity` (at most kCapacity) lets tests reach the limit without 2^24 objects.
    explicit SlotMap(size_t capacity = kCapacity)
        : m_capacity(capacity < kCapacity ? capacity : kCapacity) {}

    ObjectId create(T value) {
        uint32_t slotIndex;
        if (!m_freeSlots.empty()) {
            slotIndex = m_freeSlots.back();
            m_freeSlots.pop_back();
        } else {
            if (m_slots.size() >= m_capacity)
                return kNullObjectId; // full: an id past kMaxIndex would alias another slot
            slotIndex = uint32_t(m_slots.size());
            m_slots.push_back(Slot{});
        }
        Slot& slot = m_slots[slotIndex];
        slot.generation = nextGeneration(slot.generation);
        slot.dense = uint32_t(m_values.size());
        ++m_changes;
        slot.alive = true;
        m_values.push_back(std::move(value));
        m_denseToSlot.push_back(slotIndex);
        return ObjectId{slotIndex, slot.generation};
    }

    /// Returns false (and does nothing) when id is stale or null.
    bool destroy(ObjectId id) {
        if (!contains(id))
            return false;
        Slot& slot = m_slots[id.index];
        const uint32_t hole = slot.dense;
        const uint32_t last = uint32_t(m_values.size() - 1);
        if (hole != last) {
            m_values[hole] = std::move(m_values[last]);
            m_denseToSlot[hole] = m_denseToSlot[last];
            m_slots[m_denseToSlot[hole]].dense = hole;
        }
        m_values.pop_back();
        m_denseToSlot.pop_back();
        ++m_changes;
        slot.alive = false;
        m_freeSlots.push_back(id.index);
        return true;
    }

    /// Exchanges two values in the dense array; their ids stay valid. For callers that keep the
    /// dense array in an order of their own (EnemyBuckets).
    void swapDense(size_t a, size_t b) {
        if (a == b)
            return;
        ++m_changes;
        std::swap(m_values[a], m_values[b]);
        std::swap(m_denseToSlot[a], m_denseToSlot[b]);
        m_slots[m_denseToSlot[a]].dense = uint32_t(a);
        m_slots[m_denseToSlot[b]].dense = uint32_t(b);
    }

    bool contains(ObjectId id) const {
        return id.index < m_slots.size() && m_slots[id.index].alive &&
               m_slots[id.index].generation == id.generation && id.generation != 0;
    }

    T* get(ObjectId id) { return contains(id) ? &m_values[m_slots[id.index].dense] : nullptr; }
    const T* get(ObjectId id) const {
        return contains(id) ? &m_values[m_slots[id.index].dense] : nullptr;
    }

    /// Dense position of a live id, or -1.
    int64_t denseIndexOf(ObjectId id) const {
        return contains(id) ? int64_t(m_slots[id.index].dense) : -1;
    }
    ObjectId idAt(size_t denseIndex) const {
        const uint32_t s = m_denseToSlot[denseIndex];
        return ObjectId{s, m_slots[s].generation};
    }

    std::span<T> dense() { return m_values; }
    std::span<const T> dense() const { return m_values; }
    size_t size() const { return m_values.size(); }
    bool empty() const { return m_values.empty(); }
    /// Counts creates, destroys and swaps: lets a caller that keeps its own order (EnemyBuckets)
    /// tell whether someone else changed the map.
    uint64_t changes() const { return m_changes; }

    /// Destroys every value. Generations are kept, so ids issued before clear() stay stale.
    void clear() {
        for (size_t i = m_values.size(); i-- > 0;)
            destroy(idAt(i));
    }

private:
    struct Slot {
        uint32_t dense = 0;
        uint32_t generation = 0;
        bool alive = false;
    };
    LargeArray<T> m_values; // a million enemies are 64 MB: on huge pages
    std::vector<uint32_t> m_denseToSlot;
    std::vector<Slot> m_slots;
    uint64_t m_changes = 0;
    std::vector<uint32_t> m_freeSlots;
    size_t m_capacity = kCapacity;
};

} // namespace engine
