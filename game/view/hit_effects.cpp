#include "game/view/hit_effects.h"

#include <algorithm>
#include <cmath>

namespace game {

namespace {
constexpr uint32_t kHitSpark = 0xfff6d8ffu; // warm white: reads on every enemy colour
constexpr float kTwoPi = 6.28318530718f;
} // namespace

HitEffectsDef defaultHitEffectsDef() {
    return {};
}

int HitEffects::deathSparks(float radius) const {
    return std::clamp(int(radius * 0.8f), m_def.deathSparksMin, m_def.deathSparksMax);
}

void HitEffects::sparks(glm::vec2 at, uint32_t color, int count, float speed, float size, int life,
                        ParticlePool& particles) {
    for (int i = 0; i < count; ++i) {
        // Evenly around the circle, jittered, so a burst never clumps on one side.
        const float angle = kTwoPi * (float(i) + m_rng.unit()) / float(count);
        const float v = speed * m_rng.range(0.5f, 1.0f);
        Particle p;
        p.position = at;
        p.velocity = {std::cos(angle) * v, std::sin(angle) * v};
        p.drag = 0.9f;
        p.size = size * m_rng.range(0.7f, 1.0f);
        p.color = color;
        p.life = uint16_t(life + int(m_rng.below(uint32_t(life / 2 + 1))));
        p.kind = ParticleKind::Spark;
        particles.emit(p);
    }
}

void HitEffects::onStep(const TickEvents& events, const engine::World& world,
                        std::span<const engine::EnemyType> types, ParticlePool& particles) {
    if (events.roundStarted) {
        clear();
        particles.clear();
    }
    for (const HitEvent& h : events.hits) {
        const engine::Enemy* e = world.enemies.get(h.enemy);
        if (!e)
            continue; // died of it: its death burst says so
        if (m_flashes.size() <= h.enemy.index)
            m_flashes.resize(size_t(h.enemy.index) + 1);
        m_flashes[h.enemy.index] = {h.enemy.generation, m_def.flashFrames};
        sparks(e->position, kHitSpark, m_def.hitSparks, 5.0f, 2.0f, 9, particles);
    }
    for (const DeathEvent& d : events.deaths) {
        const engine::EnemyType* t = d.type < types.size() ? &types[d.type] : nullptr;
        const float radius = t ? t->radius : 10.0f;
        const uint32_t color = t ? t->color : 0xffffffffu;
        Particle ring;
        ring.position = d.position;
        ring.size = radius;
        ring.color = color;
        ring.life = 24;
        ring.kind = ParticleKind::Ring;
        particles.emit(ring);
        sparks(d.position, color, deathSparks(radius), 4.0f + radius * 0.15f, 3.5f + radius * 0.15f,
               20, particles);
    }
    for (const BurstEvent& b : events.bursts) { // what scripts asked for (arena.burst)
        Particle ring;
        ring.position = b.position;
        ring.size = 8.0f;
        ring.color = b.color;
        ring.life = 24;
        ring.kind = ParticleKind::Ring;
        particles.emit(ring);
        sparks(b.position, b.color, std::clamp(b.count, 0, m_def.burstSparksMax), 3.5f, 2.5f, 18,
               particles);
    }
    if (!events.playerHits.empty())
        m_shakeFrames = m_def.shakeFrames;
}

void HitEffects::advanceFrame() {
    for (Flash& f : m_flashes)
        if (f.frames > 0)
            --f.frames;
    if (m_shakeFrames > 0)
        --m_shakeFrames;
}

void HitEffects::clear() {
    for (Flash& f : m_flashes)
        f = {};
    m_shakeFrames = 0;
}

float HitEffects::flash(engine::ObjectId id) const {
    if (id.index >= m_flashes.size())
        return 0.0f;
    const Flash& f = m_flashes[id.index];
    if (f.generation != id.generation || f.frames <= 0)
        return 0.0f;
    return float(f.frames) / float(m_def.flashFrames);
}

glm::vec2 HitEffects::shakeOffset() const {
    if (m_shakeFrames <= 0 || m_def.shakeFrames <= 0)
        return {0.0f, 0.0f};
    // Strong at first, gone smoothly; the direction jumps every frame (that is what reads as a
    // shake) but comes from the frames left, not from a clock.
    const float t = float(m_shakeFrames) / float(m_def.shakeFrames);
    const float amplitude = m_def.shakePixels * t * t;
    const auto frame = uint64_t(m_shakeFrames);
    return {amplitude * (2.0f * engine::unitFloat(engine::hashRandom(1, 0, frame)) - 1.0f),
            amplitude * (2.0f * engine::unitFloat(engine::hashRandom(1, 1, frame)) - 1.0f)};
}

} // namespace game
