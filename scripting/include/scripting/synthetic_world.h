#pragma once
// SyntheticWorld: N enemies of one type spread over the arena, the player in the middle, and the
// snapshot built the way Game builds it. For trial runs of scripts before they go live
// (hot reload), scriptcheck-style checks and benchmarks.
#include "engine/core/parallel_ranges.h"
#include "engine/core/random.h"
#include "engine/world/intent.h"
#include "engine/world/world.h"

#include <vector>

namespace scripting {

struct SyntheticWorld {
    engine::World world;
    std::vector<engine::Intent> intents;
    uint64_t seed = 1;

    SyntheticWorld(size_t count, uint16_t type, float speed, uint64_t seed_ = 1) : seed(seed_) {
        world.enemyGrid.configure(world.size, 64.0f);
        world.player.position = world.size * 0.5f;
        world.player.velocity = {120.0f, -40.0f};
        engine::Rng rng(seed);
        for (size_t i = 0; i < count; ++i) {
            engine::Enemy e;
            e.type = type;
            e.position = {rng.range(0.0f, world.size.x), rng.range(0.0f, world.size.y)};
            e.velocity = {rng.range(-50.0f, 50.0f), rng.range(-50.0f, 50.0f)};
            e.speed = speed;
            e.hp = e.maxHp = 3.0f;
            world.addEnemy(e);
        }
        intents.resize(count);
    }

    /// As Game::snapshot does it, on `pool` when given (the think phase's workers()).
    void snapshot(engine::WorkerPool* pool = nullptr) {
        ++world.tick;
        world.snapshot(pool);
    }
};

} // namespace scripting
