#pragma once
// EnemyType: the stats of one kind of enemy, whoever defines them (C++ table or a script).
#include <cstdint>
#include <string>

namespace engine {

struct EnemyType {
    std::string name = "enemy";
    float hp = 3.0f;
    float speed = 100.0f; // units per second
    float radius = 12.0f;
    uint32_t color = 0xff5050ff; // 0xRRGGBBAA
    int score = 10;
    float contactDamage = 10.0f;
    int fireInterval = 0; // ticks between shots; 0 = never fires
    float bulletSpeed = 420.0f;
    float bulletDamage = 8.0f;
    uint32_t memorySize = 0; // bytes per enemy of memory its behaviour uses (World::enemyMemory)
};

} // namespace engine
