#include "game/view/arena_view.h"

#include "engine/core/tick.h"
#include "game/view/enemy_shapes.h"
#include "game/view/palette.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace game {

namespace {
using namespace palette;
constexpr float kBlinkAlpha = 0.4f; // the invulnerable ship's dim phase: dimmed, never gone

uint32_t withAlpha(uint32_t rgba, float a) {
    const auto alpha = uint32_t(std::clamp(a, 0.0f, 1.0f) * float(rgba & 0xffu));
    return (rgba & 0xffffff00u) | alpha;
}

uint32_t darker(uint32_t rgba, float f) {
    const auto ch = [&](int shift) {
        return uint32_t(float((rgba >> shift) & 0xffu) * f) << shift;
    };
    return ch(24) | ch(16) | ch(8) | (rgba & 0xffu);
}

// rgba moved towards white by t in [0, 1] (alpha kept).
uint32_t whiter(uint32_t rgba, float t) {
    const auto ch = [&](int shift) {
        const float c = float((rgba >> shift) & 0xffu);
        return uint32_t(c + (255.0f - c) * t) << shift;
    };
    return ch(24) | ch(16) | ch(8) | (rgba & 0xffu);
}
} // namespace

void ArenaView::onEvents(const TickEvents& events, const Game& game) {
    if (m_plain) { // the old effect: a ring per death and per script burst
        if (events.roundStarted)
            m_particles.clear();
        for (const DeathEvent& d : events.deaths) {
            const engine::EnemyType& t = game.types()[d.type];
            m_particles.emit({d.position, {}, 1.0f, t.radius, t.color, 0, 24, ParticleKind::Ring});
        }
        for (const BurstEvent& b : events.bursts)
            m_particles.emit({b.position, {}, 1.0f, 8.0f, b.color, 0, 24, ParticleKind::Ring});
        return;
    }
    m_effects.onStep(events, game.world(), game.types(), m_particles);
}

void ArenaView::advanceFrame() {
    m_particles.update();
    m_effects.advanceFrame();
}

void ArenaView::draw(engine::ShapeBatch& batch, const Game& game, uint64_t frame,
                     engine::ObjectId selected) const {
    const engine::World& w = game.world();
    batch.rect({0, 0}, w.size, kFloor);
    for (float x = 100.0f; x < w.size.x; x += 100.0f)
        batch.line({x, 0}, {x, w.size.y}, 1.5f, kGridLine);
    for (float y = 100.0f; y < w.size.y; y += 100.0f)
        batch.line({0, y}, {w.size.x, y}, 1.5f, kGridLine);
    batch.line({0, 0}, {w.size.x, 0}, 4.0f, kBorder);
    batch.line({0, w.size.y}, {w.size.x, w.size.y}, 4.0f, kBorder);
    batch.line({0, 0}, {0, w.size.y}, 4.0f, kBorder);
    batch.line({w.size.x, 0}, {w.size.x, w.size.y}, 4.0f, kBorder);

    // Rings under the enemies, sparks over them (below).
    for (size_t i = 0; i < m_particles.size(); ++i) {
        const Particle& p = m_particles.at(i);
        if (p.kind != ParticleKind::Ring)
            continue;
        const float t = p.progress();
        batch.ring(p.position, p.size * (1.0f + 2.5f * t), 3.0f, withAlpha(p.color, 1.0f - t));
    }

    // The shape of each type, looked up once per type, not per enemy.
    std::array<EnemyShape, 256> shapes{};
    const size_t typeCount = std::min(game.types().size(), shapes.size());
    for (size_t i = 0; i < typeCount && !m_plain; ++i)
        shapes[i] = enemyShapeFor(game.types()[i].name);

    for (const engine::Enemy& e : w.enemies.dense()) {
        const engine::EnemyType& t = game.types()[e.type];
        const bool faulted = (e.flags & engine::kEnemyFaulted) != 0;
        uint32_t color = faulted ? kFaulted : t.color;
        float fillShade = 0.45f;
        if (const float f = m_plain ? 0.0f : m_effects.flash(e.id); f > 0.0f) {
            color = whiter(color, 0.85f * f); // hit: white for a moment, then its colour again
            fillShade = 0.45f + 0.55f * f;
        }
        const float speed = glm::length(e.velocity);
        const glm::vec2 heading = speed > 1.0f ? e.velocity / speed : glm::vec2(0.0f, -1.0f);
        const EnemyShape shape = e.type < typeCount ? shapes[e.type] : EnemyShape::Circle;
        batch.disc(e.position, e.radius * 1.6f, withAlpha(color, 0.12f)); // glow
        drawEnemyBody(batch, shape, e.position, heading, e.radius, std::max(2.0f, e.radius * 0.28f),
                      darker(color, fillShade), color);
        // Heading tick: which way it is going (the pointed shapes show it themselves).
        if (speed > 1.0f && shape != EnemyShape::Triangle && shape != EnemyShape::Diamond)
            batch.disc(e.position + heading * e.radius * 0.45f, e.radius * 0.28f, color);
        if (faulted)
            batch.ring(e.position, e.radius + 4.0f, 2.0f, 0xff3030ff);
    }

    for (size_t i = 0; i < m_particles.size(); ++i) {
        const Particle& p = m_particles.at(i);
        if (p.kind != ParticleKind::Spark)
            continue;
        const float t = p.progress(), size = p.size * (1.0f - 0.6f * t);
        const uint32_t c = withAlpha(p.color, 1.0f - t * t);
        // A streak while it flies (it reads as speed), a dot once it has slowed down.
        const glm::vec2 tail = p.velocity * 2.5f;
        if (glm::dot(tail, tail) > size * size)
            batch.line(p.position - tail, p.position, size, c);
        else
            batch.disc(p.position, size, c);
    }

    if (const engine::Enemy* e = w.enemies.get(selected)) { // the inspector's object
        const float pulse = 0.5f + 0.5f * std::sin(float(frame) * 0.15f);
        batch.ring(e->position, e->radius + 9.0f + 3.0f * pulse, 2.5f, 0xffffffff);
    }

    for (const engine::Bullet& b : w.bullets) {
        const bool mine = b.owner == engine::BulletOwner::Player;
        const uint32_t c = mine ? kPlayerBullet : kEnemyBullet;
        batch.line(b.position - b.velocity * engine::kTickDt, b.position, b.radius * 1.2f,
                   withAlpha(c, 0.5f));
        batch.disc(b.position, b.radius, c);
    }

    const engine::Player& p = w.player;
    if (!p.alive)
        return;
    // Invulnerable after a hit: the ship blinks between full and dim, so it never leaves the
    // screen (the plain drawing hid it every other phase).
    const bool dim = p.invulnerableTicks > 0 && (frame / 4) % 2 == 0;
    if (dim && m_plain)
        return;
    const float alpha = dim ? kBlinkAlpha : 1.0f;
    const glm::vec2 f = p.aim, s(-p.aim.y, p.aim.x);
    const float r = p.radius;
    batch.disc(p.position, r * 2.2f, withAlpha(kPlayer, 0.08f * alpha));
    batch.triangle(p.position + f * r * 1.4f, p.position - f * r * 0.9f + s * r,
                   p.position - f * r * 0.9f - s * r, withAlpha(kPlayer, alpha));
    batch.ring(p.position, r * 1.05f, 2.0f, withAlpha(0x7fd8ffff, 0.8f));
}

} // namespace game
