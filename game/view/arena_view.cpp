#include "game/view/arena_view.h"

#include "engine/core/tick.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace game {

namespace {
constexpr uint32_t kFloor = 0x10141dff;
constexpr uint32_t kGridLine = 0x1a2130ff;
constexpr uint32_t kBorder = 0x3b4d6eff;
constexpr uint32_t kPlayer = 0xe8f4ffff;
constexpr uint32_t kPlayerBullet = 0xfff1a0ff;
constexpr uint32_t kEnemyBullet = 0xff5ad8ff;
constexpr uint32_t kFaulted = 0x6a6a72ff;
constexpr int kBurstFrames = 24;

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
} // namespace

void ArenaView::onStep(const Game& game) {
    for (const DeathEvent& d : game.events().deaths) {
        const engine::EnemyType& t = game.types()[d.type];
        m_bursts.push_back({d.position, t.color, t.radius, 0});
    }
    for (const BurstEvent& b : game.events().bursts) // what scripts asked for (arena.burst)
        for (int i = 0; i < std::min(b.count, 6); ++i)
            m_bursts.push_back({b.position, b.color, 6.0f + 5.0f * float(i), -2 * i});
    if (game.events().roundStarted)
        m_bursts.clear();
}

void ArenaView::advanceFrame() {
    for (Burst& b : m_bursts)
        ++b.age;
    std::erase_if(m_bursts, [](const Burst& b) { return b.age >= kBurstFrames; });
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

    for (const Burst& b : m_bursts) {
        if (b.age < 0)
            continue; // staggered: not started yet
        const float t = float(b.age) / float(kBurstFrames);
        batch.ring(b.position, b.radius * (1.0f + 2.5f * t), 3.0f, withAlpha(b.color, 1.0f - t));
    }

    for (const engine::Enemy& e : w.enemies.dense()) {
        const engine::EnemyType& t = game.types()[e.type];
        const bool faulted = (e.flags & engine::kEnemyFaulted) != 0;
        const uint32_t color = faulted ? kFaulted : t.color;
        batch.disc(e.position, e.radius * 1.6f, withAlpha(color, 0.12f)); // glow
        batch.disc(e.position, e.radius, darker(color, 0.45f));
        batch.ring(e.position, e.radius, std::max(2.0f, e.radius * 0.28f), color);
        // Heading tick: which way it is going.
        const float speed = glm::length(e.velocity);
        if (speed > 1.0f)
            batch.disc(e.position + e.velocity / speed * e.radius * 0.45f, e.radius * 0.28f, color);
        if (faulted)
            batch.ring(e.position, e.radius + 4.0f, 2.0f, 0xff3030ff);
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
    if (p.alive && !(p.invulnerableTicks > 0 && (frame / 4) % 2 == 0)) {
        const glm::vec2 f = p.aim, s(-p.aim.y, p.aim.x);
        const float r = p.radius;
        batch.disc(p.position, r * 2.2f, withAlpha(kPlayer, 0.08f));
        batch.triangle(p.position + f * r * 1.4f, p.position - f * r * 0.9f + s * r,
                       p.position - f * r * 0.9f - s * r, kPlayer);
        batch.ring(p.position, r * 1.05f, 2.0f, withAlpha(0x7fd8ffff, 0.8f));
    }
}

} // namespace game
