#pragma once
// GameDef: everything that configures a Game, with defaults (Box2D's definition-struct style).
#include <glm/vec2.hpp>

#include <cstdint>

namespace game {

struct GameDef {
    uint64_t seed = 1;
    glm::vec2 arenaSize{1600.0f, 900.0f};
    int minEnemies = 0;         // keep at least this many enemies alive (stress runs, --enemies)
    int floorType = -1;         // the type that floor is made of; -1: any, at random
    size_t maxEnemies = 250000; // live enemies at most: further spawns are refused and counted
    bool builtInWaves = true;   // spawn the built-in waves when no director runs
    bool autoRestart = false;   // start a new round by itself after a game over (headless, attract)
    int restartDelayTicks = 120;
    float playerSpeed = 330.0f;
    int playerFireInterval = 6; // ticks between shots
    float playerBulletSpeed = 950.0f;
    float playerBulletDamage = 1.0f;
    int playerInvulnerableTicks = 50; // after being hit
};

inline GameDef defaultGameDef() {
    return GameDef{};
}

/// What the player (a person or the autopilot) asks for this tick.
struct PlayerCommand {
    glm::vec2 move{0.0f};      // unit disc
    glm::vec2 aim{1.0f, 0.0f}; // direction; need not be normalised, zero keeps the last aim
    bool fire = false;
};

} // namespace game
