#include "game/sim/native_enemies.h"

#include "engine/core/random.h"

#include <glm/geometric.hpp>

namespace game {

std::vector<engine::EnemyType> nativeEnemyTypes() {
    std::vector<engine::EnemyType> types(4);
    types[0].name = "chaser";
    types[0].hp = 3, types[0].speed = 115, types[0].radius = 12, types[0].color = 0xff5a4aff;
    types[0].score = 10;
    types[1].name = "runner";
    types[1].hp = 1, types[1].speed = 200, types[1].radius = 8, types[1].color = 0xffd23cff;
    types[1].score = 15, types[1].contactDamage = 6;
    types[2].name = "shooter";
    types[2].hp = 4, types[2].speed = 90, types[2].radius = 13, types[2].color = 0x3cd2ffff;
    types[2].score = 25, types[2].fireInterval = 100;
    types[3].name = "brute";
    types[3].hp = 14, types[3].speed = 60, types[3].radius = 22, types[3].color = 0xb45affff;
    types[3].score = 60, types[3].contactDamage = 25;
    return types;
}

void NativeSeekThink::think(const engine::ThinkContext& ctx, std::span<engine::Intent> intents) {
    const auto enemies = ctx.world.enemies.dense();
    const glm::vec2 player = ctx.world.player.position;
    for (size_t i = 0; i < enemies.size(); ++i) {
        const engine::Enemy& e = enemies[i];
        const engine::EnemyType& type = ctx.types[e.type];
        const glm::vec2 to = player - e.position;
        const float distance = glm::length(to);
        const glm::vec2 dir = distance > 1e-4f ? to / distance : glm::vec2(0.0f);
        // A little per-enemy wobble so a group does not collapse into one dot.
        const float wobble =
            engine::unitFloat(engine::hashRandom(ctx.seed, engine::packObjectId(e.id), 0)) - 0.5f;
        const glm::vec2 side(-dir.y, dir.x);
        engine::Intent& out = intents[i];
        out = engine::Intent{};
        if (type.fireInterval > 0) {
            const float keep = distance < 300.0f ? -1.0f : distance > 380.0f ? 1.0f : 0.0f;
            out.velocity = (dir * keep + side * 0.6f * (wobble < 0 ? -1.0f : 1.0f)) * e.speed;
            out.fire = distance < 520.0f;
            out.aim = dir;
        } else {
            out.velocity = (dir + side * wobble * 0.8f) * e.speed;
        }
    }
}

} // namespace game
