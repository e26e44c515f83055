#pragma once
// EnemyMemory: the script memory of every enemy, kept apart from the Enemy records (docs/design.md
// "Two kinds of Lua code"). One pool per enemy type, with that type's bytes per enemy: a type whose
// script declares no memory stores nothing, and the think phase streams the hot records without
// dragging 64 bytes of memory per enemy through the cache.
//
// Contract:
// - Every enemy created through World::addEnemy owns one slot of its type's pool (Enemy::
//   memorySlot) until it is removed; the slot does not move when the dense array is reordered.
// - A slot reads as zeros when allocated. at() returns its bytes (size bytes(type)), null for a
//   slot the pool never handed out.
// - Only an enemy's own think reads its memory during the think phase, so the think writes it in
//   place (see engine/world/think_phase.h); the main VM's hooks, the inspector and a reload's
//   migration write it between ticks.
// - Deterministic: same calls, same slots (freed slots are reused last-freed-first).
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace engine {

class EnemyMemory {
public:
    static constexpr uint32_t kNoSlot = UINT32_MAX;

    /// Sets `type`'s bytes per enemy. Slots keep their indices; each one's bytes are carried over
    /// by `migrate(old, oldBytes, fresh)` when given (else the common prefix is kept and the rest
    /// zeroed). Moves the pool: pointers from data()/at() are stale afterwards. Only the think
    /// phase and the tracer may call it on a pool the game laid out, and only to lay it out as
    /// the script does (they then agree already).
    void setBytes(uint16_t type, uint32_t bytes,
                  const std::function<void(const uint8_t*, uint32_t, uint8_t*)>& migrate = {});
    uint32_t bytes(uint16_t type) const { return type < m_pools.size() ? m_pools[type].bytes : 0; }

    /// A zeroed slot of `type`'s pool. The pool may grow, which moves it: not during the think
    /// phase, and pointers from data()/at() are stale afterwards.
    uint32_t allocate(uint16_t type);
    /// Gives the slot back. A slot that is not handed out (never, or already given back) is
    /// ignored: a slot is never on the free list twice, so two enemies never share one.
    void release(uint16_t type, uint32_t slot);
    /// Releases every slot of every pool, keeping each type's bytes.
    void clear();

    uint8_t* at(uint16_t type, uint32_t slot) {
        return contains(type, slot) ? m_pools[type].data.data() + size_t(slot) * m_pools[type].bytes
                                    : nullptr;
    }
    const uint8_t* at(uint16_t type, uint32_t slot) const {
        return const_cast<EnemyMemory*>(this)->at(type, slot);
    }
    bool contains(uint16_t type, uint32_t slot) const {
        return type < m_pools.size() && slot < m_pools[type].slots;
    }
    /// Handed out and not given back.
    bool live(uint16_t type, uint32_t slot) const {
        return contains(type, slot) && m_pools[type].live[slot] != 0;
    }

    /// Slots handed out so far in `type`'s pool (live or freed): a valid slot is below it.
    uint32_t slots(uint16_t type) const { return type < m_pools.size() ? m_pools[type].slots : 0; }
    /// The pool's bytes, slot after slot (slots(type) * bytes(type) of them).
    uint8_t* data(uint16_t type) {
        return type < m_pools.size() ? m_pools[type].data.data() : nullptr;
    }
    size_t types() const { return m_pools.size(); }
    /// Bytes every pool holds (resident memory).
    size_t footprint() const;

private:
    struct Pool {
        uint32_t bytes = 0;
        uint32_t slots = 0;
        std::vector<uint8_t> data;
        std::vector<uint32_t> free;
        std::vector<uint8_t> live; // per slot: handed out
    };
    Pool& pool(uint16_t type);

    std::vector<Pool> m_pools;
};

} // namespace engine
