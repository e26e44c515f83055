#include "game/sim/autopilot.h"

#include <glm/geometric.hpp>

#include <array>
#include <cmath>

namespace game {

namespace {
glm::vec2 safeNormalize(glm::vec2 v) {
    const float len = glm::length(v);
    return len > 1e-5f ? v / len : glm::vec2(0.0f);
}
} // namespace

PlayerCommand autopilot(const engine::World& world) {
    const engine::Player& p = world.player;
    PlayerCommand cmd;

    // Orbit the centre: keeps the ship moving and away from corners, where it would get trapped.
    const glm::vec2 center = world.size * 0.5f;
    const glm::vec2 fromCenter = p.position - center;
    const float orbitRadius = 0.28f * std::min(world.size.x, world.size.y);
    // Exactly at the centre (the spawn point) there is no radial direction: pick one.
    const glm::vec2 radial = glm::length(fromCenter) > 1.0f ? fromCenter / glm::length(fromCenter)
                                                            : glm::vec2(1.0f, 0.0f);
    const glm::vec2 tangent(-radial.y, radial.x);
    glm::vec2 steer = tangent + radial * ((orbitRadius - glm::length(fromCenter)) / orbitRadius);

    // Flee from what is close, weighted by inverse square distance.
    glm::vec2 flee(0.0f);
    world.enemyGrid.forEachInRadius(p.position, 200.0f, [&](uint32_t, glm::vec2 e) {
        const glm::vec2 d = p.position - e;
        flee += d / std::max(glm::dot(d, d), 100.0f);
    });
    for (const engine::Bullet& b : world.bullets) {
        if (b.owner != engine::BulletOwner::Enemy)
            continue;
        const glm::vec2 d = p.position - b.position;
        const float d2 = glm::dot(d, d);
        if (d2 < 150.0f * 150.0f) {
            // Step sideways to the bullet's path rather than running ahead of it.
            const glm::vec2 side = safeNormalize(glm::vec2(-b.velocity.y, b.velocity.x));
            flee += side * (glm::dot(side, d) >= 0.0f ? 1.0f : -1.0f) / std::max(d2, 100.0f) * 2.0f;
        }
    }
    steer += flee * 6000.0f;

    // Walls push back within 80 units.
    const float wall = 80.0f;
    if (p.position.x < wall)
        steer.x += (wall - p.position.x) / wall * 2.0f;
    if (p.position.y < wall)
        steer.y += (wall - p.position.y) / wall * 2.0f;
    if (p.position.x > world.size.x - wall)
        steer.x -= (p.position.x - (world.size.x - wall)) / wall * 2.0f;
    if (p.position.y > world.size.y - wall)
        steer.y -= (p.position.y - (world.size.y - wall)) / wall * 2.0f;
    cmd.move = safeNormalize(steer);

    std::array<uint32_t, 1> nearest{};
    if (world.enemyGrid.nearest(p.position, 900.0f, UINT32_MAX, nearest) == 1) {
        const glm::vec2 target = world.enemyGrid.positionOf(nearest[0]);
        const float distance = glm::length(target - p.position);
        cmd.aim = safeNormalize(target - p.position);
        cmd.fire = distance < 750.0f && cmd.aim != glm::vec2(0.0f);
    } else {
        cmd.aim = p.aim;
    }
    return cmd;
}

} // namespace game
