#include "engine/world/enemy_buckets.h"

namespace engine {

uint32_t EnemyBuckets::start(uint16_t type) const {
    uint32_t s = 0;
    for (size_t t = 0; t < m_count.size() && t < type; ++t)
        s += m_count[t];
    return s;
}

void EnemyBuckets::noticeForeignChanges(const SlotMap<Enemy>& enemies) {
    if (m_seen != enemies.changes())
        m_lost = true;
}

ObjectId EnemyBuckets::create(SlotMap<Enemy>& enemies, const Enemy& e, const SwapListener& onSwap) {
    noticeForeignChanges(enemies);
    const ObjectId id = enemies.create(e);
    if (id.isNull())
        return id; // the map is full
    size_t pos = enemies.size() - 1;
    enemies.dense()[pos].id = id;
    if (m_lost)
        return id;
    if (e.type >= m_count.size())
        m_count.resize(size_t(e.type) + 1, 0);
    // Walk down from the last run: the newcomer trades places with each later run's first
    // enemy, which becomes that run's last; it ends just past its own type's run.
    uint32_t runStart = uint32_t(pos);
    for (size_t t = m_count.size(); t-- > size_t(e.type) + 1;) {
        runStart -= m_count[t];
        if (m_count[t] == 0)
            continue;
        enemies.swapDense(pos, runStart);
        if (onSwap && pos != runStart)
            onSwap(pos, runStart);
        pos = runStart;
    }
    ++m_count[e.type];
    m_seen = enemies.changes();
    return id;
}

bool EnemyBuckets::destroy(SlotMap<Enemy>& enemies, ObjectId id, const SwapListener& onSwap) {
    noticeForeignChanges(enemies);
    const int64_t at = enemies.denseIndexOf(id);
    if (at < 0)
        return false;
    if (m_lost)
        return enemies.destroy(id);
    const uint16_t type = enemies.dense()[size_t(at)].type;
    // The leaver walks up: to its run's end, then to each later run's end, whose last enemy
    // takes the slot just before that run (the run shifts down by one). It ends last in the
    // array, where SlotMap's destroy moves nothing.
    size_t pos = size_t(at);
    uint32_t runEnd = start(type) + m_count[type];
    for (size_t t = type;;) {
        enemies.swapDense(pos, runEnd - 1);
        if (onSwap && pos != runEnd - 1)
            onSwap(pos, runEnd - 1);
        pos = runEnd - 1;
        if (++t >= m_count.size())
            break;
        runEnd += m_count[t];
    }
    --m_count[type];
    const bool destroyed = enemies.destroy(id);
    m_seen = enemies.changes();
    return destroyed;
}

void EnemyBuckets::clear(SlotMap<Enemy>& enemies) {
    enemies.clear();
    m_count.clear();
    m_seen = enemies.changes();
    m_lost = false;
}

bool EnemyBuckets::isGrouped(const SlotMap<Enemy>& enemies) const {
    const auto dense = enemies.dense();
    size_t i = 0;
    for (size_t t = 0; t < m_count.size(); ++t)
        for (uint32_t k = 0; k < m_count[t]; ++k, ++i)
            if (i >= dense.size() || dense[i].type != t)
                return false;
    return i == dense.size();
}

} // namespace engine
