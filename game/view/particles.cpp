#include "game/view/particles.h"

namespace game {

ParticlePool::ParticlePool(size_t capacity) : m_slots(capacity > 0 ? capacity : 1) {
}

void ParticlePool::emit(const Particle& p) {
    if (p.life == 0)
        return;
    if (m_count < m_slots.size()) {
        m_slots[wrap(m_start + m_count)] = p;
        ++m_count;
        return;
    }
    // Full: the oldest slot takes the newcomer, which becomes the newest.
    m_slots[m_start] = p;
    m_start = wrap(m_start + 1);
    ++m_replaced;
}

void ParticlePool::update() {
    // Compacts in place, keeping emission order: the write index never passes the read index.
    size_t kept = 0;
    for (size_t i = 0; i < m_count; ++i) {
        Particle p = m_slots[wrap(m_start + i)];
        ++p.age;
        if (p.age >= p.life)
            continue;
        p.position += p.velocity;
        p.velocity *= p.drag;
        m_slots[wrap(m_start + kept)] = p;
        ++kept;
    }
    m_count = kept;
}

} // namespace game
