#include "engine/world/enemy_memory.h"

#include <algorithm>
#include <cstring>

namespace engine {

EnemyMemory::Pool& EnemyMemory::pool(uint16_t type) {
    if (type >= m_pools.size())
        m_pools.resize(size_t(type) + 1);
    return m_pools[type];
}

void EnemyMemory::setBytes(uint16_t type, uint32_t bytes,
                           const std::function<void(const uint8_t*, uint32_t, uint8_t*)>& migrate) {
    Pool& p = pool(type);
    if (p.bytes == bytes && !migrate)
        return;
    std::vector<uint8_t> fresh(size_t(p.slots) * bytes, 0);
    const uint32_t kept = std::min(p.bytes, bytes);
    for (uint32_t s = 0; s < p.slots; ++s) {
        const uint8_t* old = p.data.data() + size_t(s) * p.bytes;
        uint8_t* to = fresh.data() + size_t(s) * bytes;
        if (migrate)
            migrate(old, p.bytes, to);
        else if (kept)
            std::memcpy(to, old, kept);
    }
    p.data = std::move(fresh);
    p.bytes = bytes;
}

uint32_t EnemyMemory::allocate(uint16_t type) {
    Pool& p = pool(type);
    uint32_t slot;
    if (!p.free.empty()) {
        slot = p.free.back();
        p.free.pop_back();
    } else {
        slot = p.slots++;
        p.data.resize(size_t(p.slots) * p.bytes);
        p.live.push_back(0);
    }
    p.live[slot] = 1;
    if (p.bytes)
        std::memset(p.data.data() + size_t(slot) * p.bytes, 0, p.bytes);
    return slot;
}

void EnemyMemory::release(uint16_t type, uint32_t slot) {
    if (!live(type, slot))
        return;
    m_pools[type].live[slot] = 0;
    m_pools[type].free.push_back(slot);
}

void EnemyMemory::clear() {
    for (Pool& p : m_pools) {
        p.slots = 0;
        p.data.clear();
        p.free.clear();
        p.live.clear();
    }
}

size_t EnemyMemory::footprint() const {
    size_t bytes = 0;
    for (const Pool& p : m_pools)
        bytes += p.data.capacity() + p.free.capacity() * sizeof(uint32_t) + p.live.capacity();
    return bytes;
}

} // namespace engine
