#include "game/sim/enemy_apply.h"

#include "engine/core/parallel_ranges.h"
#include "engine/core/tick.h"
#include "game/sim/sim_math.h"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace game {

namespace {
constexpr float kDt = engine::kTickDt;
constexpr float kEnemyMargin = 60.0f; // enemies may stand this far outside the arena (entering)

} // namespace

void EnemyApply::begin(engine::World& world, std::span<const engine::Intent> intents,
                       std::span<const engine::EnemyType> types, int lanes) {
    m_world = &world;
    m_intents = intents;
    m_types = types;
    const size_t n = world.enemies.size();
    world.enemyPositions.resize(n);
    world.enemyVelocities.resize(n);
    m_applied.assign(n, 0);
    m_lanes.resize(size_t(std::max(lanes, 1)) + engine::kMaxParts);
    for (Lane& lane : m_lanes) {
        lane.bullets.clear();
        lane.ranges.clear();
        lane.faulted = 0;
    }
}

void EnemyApply::applyRange(int lane, uint32_t first, uint32_t last,
                            const engine::Intent* intents) {
    std::memset(m_applied.data() + first, 1, last - first);
    apply(m_lanes[size_t(lane)], uint32_t(lane), first, last, intents);
}

void EnemyApply::apply(Lane& lane, uint32_t laneIndex, uint32_t first, uint32_t last,
                       const engine::Intent* intents) {
    auto enemies = m_world->enemies.dense();
    glm::vec2* positions = m_world->enemyPositions.data();
    glm::vec2* velocities = m_world->enemyVelocities.data();
    const glm::vec2 lo(-kEnemyMargin), hi = m_world->size + glm::vec2(kEnemyMargin);
    const uint32_t bullet = uint32_t(lane.bullets.size());
    for (size_t i = first; i < last; ++i) {
        engine::Enemy& e = enemies[i];
        const engine::Intent& intent = intents[i - first];
        const engine::EnemyType& type = m_types[e.type];
        if (e.fireCooldown > 0)
            --e.fireCooldown;
        if (intent.faulted)
            e.flags |= engine::kEnemyFaulted;
        if (e.flags & engine::kEnemyFaulted) {
            e.velocity = glm::vec2(0.0f);
            positions[i] = e.position;
            velocities[i] = e.velocity;
            ++lane.faulted;
            continue;
        }
        e.velocity = clampLength(intent.velocity, e.speed);
        e.position = glm::clamp(e.position + e.velocity * kDt, lo, hi);
        positions[i] = e.position;
        velocities[i] = e.velocity;
        if (!intent.fire || type.fireInterval <= 0 || e.fireCooldown != 0)
            continue; // most enemies, most ticks: no square root for an aim not used
        const float aimLen = glm::length(intent.aim);
        if (aimLen > 1e-4f && std::isfinite(aimLen)) {
            e.fireCooldown = type.fireInterval;
            engine::Bullet b;
            b.position = e.position + intent.aim / aimLen * (e.radius + 3.0f);
            b.velocity = intent.aim / aimLen * type.bulletSpeed;
            b.damage = type.bulletDamage;
            b.radius = 5.0f;
            b.ticksLeft = 240;
            b.owner = engine::BulletOwner::Enemy;
            lane.bullets.push_back(b);
        }
    }
    if (lane.bullets.size() > bullet)
        lane.ranges.push_back({first, laneIndex, bullet, uint32_t(lane.bullets.size()) - bullet});
}

void EnemyApply::finish(engine::WorkerPool* pool) {
    const size_t n = m_world->enemies.size();
    const uint32_t parts = engine::partsFor(pool, n);
    const size_t firstRestLane = m_lanes.size() - engine::kMaxParts;
    engine::parallelRanges(pool, n, parts, [&](uint32_t part, size_t begin, size_t end) {
        const uint32_t laneIndex = uint32_t(firstRestLane + part);
        Lane& lane = m_lanes[laneIndex];
        for (size_t i = begin; i < end;) { // each run of enemies the think phase did not apply
            if (m_applied[i]) {
                ++i;
                continue;
            }
            size_t j = i + 1;
            while (j < end && !m_applied[j])
                ++j;
            apply(lane, laneIndex, uint32_t(i), uint32_t(j), m_intents.data() + i);
            i = j;
        }
    });
    // Bullets in dense order: ranges sorted by their first enemy (they never overlap).
    m_ranges.clear();
    size_t faulted = 0;
    for (const Lane& lane : m_lanes) {
        m_ranges.insert(m_ranges.end(), lane.ranges.begin(), lane.ranges.end());
        faulted += lane.faulted;
    }
    std::sort(m_ranges.begin(), m_ranges.end(),
              [](const Range& a, const Range& b) { return a.first < b.first; });
    for (const Range& r : m_ranges) {
        const auto& from = m_lanes[r.lane].bullets;
        m_world->bullets.insert(m_world->bullets.end(), from.begin() + r.bullet,
                                from.begin() + r.bullet + r.bullets);
    }
    m_world->pointsWritten(m_world->tick + 1, faulted);
}

} // namespace game
