#pragma once
// World: every simulated object and the per-tick spatial index. Owned by the game; during the
// think phase it is only read (the parallel phase gets a const World&).
#include "engine/core/slot_map.h"
#include "engine/world/enemy_buckets.h"
#include "engine/world/objects.h"
#include "engine/world/spatial_grid.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <vector>

namespace engine {

struct World {
    glm::vec2 size{1600.0f, 900.0f};
    uint64_t tick = 0;
    SlotMap<Enemy>
        enemies; // create and destroy through the functions below: they keep types grouped
    std::vector<Bullet> bullets;
    Player player;
    SpatialGrid enemyGrid; // built at the snapshot from enemy positions (dense order)
    std::vector<glm::vec2> enemyPositions; // the grid's input, kept to avoid reallocating
    std::vector<glm::vec2> enemyVelocities;
    EnemyBuckets enemyBuckets;

    ObjectId addEnemy(const Enemy& e) { return enemyBuckets.create(enemies, e); }
    bool removeEnemy(ObjectId id) { return enemyBuckets.destroy(enemies, id); }
    void clearEnemies() { enemyBuckets.clear(enemies); }
};

} // namespace engine
