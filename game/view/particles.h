#pragma once
// ParticlePool: the view's sparks and rings (death bursts, hit sparks, scripts' arena.burst).
// Render-only: nothing here feeds back into the simulation, and particles age by rendered frames.
//
// Contract:
// - The capacity is allocated once, at construction: emit() and update() never allocate. When the
//   pool is full a new particle replaces the oldest one alive, so a tick with 2,000 deaths shows
//   its latest bursts instead of growing memory or dropping the newest.
// - update() is plain arithmetic (no clock, no randomness): position += velocity,
//   velocity *= drag, ++age; a particle is gone once age reaches life.
// - at(i) walks the particles in emission order, oldest first (later ones draw on top).
#include <glm/vec2.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace game {

enum class ParticleKind : uint8_t {
    Spark, // a dot that flies off and shrinks
    Ring,  // a ring that widens in place and fades
};

struct Particle {
    glm::vec2 position{0.0f};
    glm::vec2 velocity{0.0f}; // world units per frame
    float drag = 1.0f;        // velocity factor per frame
    float size = 2.0f;        // spark: radius at birth; ring: radius at birth
    uint32_t color = 0xffffffff;
    uint16_t age = 0;  // frames lived
    uint16_t life = 1; // frames it lives
    ParticleKind kind = ParticleKind::Spark;

    /// 0 at birth, approaching 1 at the end of its life.
    float progress() const { return float(age) / float(life); }
};

class ParticlePool {
public:
    static constexpr size_t kDefaultCapacity = 4096;

    explicit ParticlePool(size_t capacity = kDefaultCapacity);

    void emit(const Particle& p);
    /// One rendered frame: moves and ages every particle, drops the ones whose life is over.
    void update();
    void clear() { m_start = m_count = 0; }

    size_t size() const { return m_count; }
    size_t capacity() const { return m_slots.size(); }
    /// The i-th particle alive, oldest first (i < size()).
    const Particle& at(size_t i) const { return m_slots[wrap(m_start + i)]; }
    /// Particles that replaced an older one because the pool was full (since construction).
    uint64_t replaced() const { return m_replaced; }
    /// Where the particles live; it never moves (tests check that nothing reallocates).
    const Particle* storage() const { return m_slots.data(); }

private:
    size_t wrap(size_t i) const { return i >= m_slots.size() ? i - m_slots.size() : i; }

    std::vector<Particle> m_slots; // a ring buffer: m_count particles from m_start on
    size_t m_start = 0, m_count = 0;
    uint64_t m_replaced = 0;
};

} // namespace game
