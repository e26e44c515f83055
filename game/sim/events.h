#pragma once
// Events of one tick, buffered during resolve and read after the step (Box2D style): by the hooks
// phase, by the renderer (effects) and by tests. Cleared at the start of every tick.
#include "engine/core/handle.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <vector>

namespace game {

enum class HitSource : uint8_t { PlayerBullet, PlayerContact, Script };

struct HitEvent {
    engine::ObjectId enemy;
    float damage = 0.0f;
    HitSource source = HitSource::PlayerBullet;
};

struct DeathEvent {
    engine::ObjectId enemy;
    uint16_t type = 0;
    glm::vec2 position{0.0f};
    bool killedByPlayer = false;
};

struct PlayerHitEvent {
    float damage = 0.0f;
    glm::vec2 position{0.0f};
};

/// A cosmetic particle burst a script asked for (arena.burst).
struct BurstEvent {
    glm::vec2 position{0.0f};
    uint32_t color = 0xffffffff;
    int count = 12;
};

struct TickEvents {
    std::vector<HitEvent> hits;
    std::vector<DeathEvent> deaths;
    std::vector<PlayerHitEvent> playerHits;
    std::vector<BurstEvent> bursts;
    int playerShots = 0; // bullets the player fired (for sound cues)
    bool playerDied = false;
    bool roundStarted = false;
    bool waveStarted = false; // the wave number went up (built-in waves or the director's)
    void clear() {
        hits.clear();
        deaths.clear();
        playerHits.clear();
        bursts.clear();
        playerShots = 0;
        playerDied = false;
        roundStarted = false;
        waveStarted = false;
    }
};

} // namespace game
