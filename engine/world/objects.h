#pragma once
// The game objects the simulation stores: plain records, no behaviour. Enemies are addressed by
// generational ids (SlotMap); bullets are anonymous and short-lived, addressed by nothing.
#include "engine/core/handle.h"

#include <glm/vec2.hpp>

#include <cstddef>
#include <cstdint>

namespace engine {

/// Registry-reference slot an engine record keeps for its Lua identity. The engine never
/// interprets it (it cannot include Lua): -2 is Lua's LUA_NOREF.
inline constexpr int32_t kNoScriptRef = -2;

/// The most engine-owned memory per enemy a behaviour script may lay out (docs/design.md "Two kinds
/// of Lua code"); kept apart from the record, in engine/world/enemy_memory.h.
inline constexpr size_t kEnemyMemoryBytes = 64;

enum EnemyFlags : uint16_t {
    kEnemyFaulted = 1u << 0, // its behaviour raised an error: it idles until the script is fixed
    kEnemyDead = 1u << 1,    // destroyed at the end of this tick's commit
};

// The layout of Enemy is shared with the Lua batch driver (scripting/think_abi.h checks it). One
// cache line: the think phase streams these, so every byte here is paid by every enemy every tick.
struct alignas(64) Enemy {
    ObjectId id;
    uint16_t type = 0; // index into the tick's EnemyType table
    uint16_t flags = 0;
    glm::vec2 position{0.0f};
    glm::vec2 velocity{0.0f};
    float hp = 1.0f;
    float maxHp = 1.0f;
    float radius = 10.0f;
    float speed = 100.0f;
    int32_t fireCooldown = 0; // ticks until it may fire again
    uint32_t spawnTick = 0;
    int32_t scriptRef = kNoScriptRef;
    uint32_t memorySlot = UINT32_MAX; // its slot in World::enemyMemory (set by World::addEnemy)
    uint32_t reserved = 0;
};

enum class BulletOwner : uint8_t { Player, Enemy };

struct Bullet {
    glm::vec2 position{0.0f};
    glm::vec2 velocity{0.0f};
    float radius = 4.0f;
    float damage = 1.0f;
    int32_t ticksLeft = 60;
    BulletOwner owner = BulletOwner::Player;
};

struct Player {
    ObjectId id{0, 1}; // one player object per round: the generation is the round
    int32_t scriptRef = kNoScriptRef;
    glm::vec2 position{0.0f};
    glm::vec2 velocity{0.0f};
    glm::vec2 aim{1.0f, 0.0f}; // unit direction
    float hp = 100.0f;
    float maxHp = 100.0f;
    float radius = 14.0f;
    int32_t fireCooldown = 0;
    int32_t invulnerableTicks = 0;
    bool alive = true;
};

} // namespace engine
