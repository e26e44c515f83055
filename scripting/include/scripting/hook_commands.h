#pragma once
// What hooks and the director ask for: plain commands, validated when the script makes them and
// applied by the game after the hooks phase (docs/design.md "The tick", step 6). Scripting knows
// nothing of the game's rules; the game decides what a command does.
#include "engine/core/handle.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <vector>

namespace scripting {

struct SpawnCommand {
    uint16_t type = 0;
    glm::vec2 position{0.0f};
    float hp = 0.0f; // <= 0: the type's own
};

struct BurstCommand {
    glm::vec2 position{0.0f};
    uint32_t color = 0xffffffff;
    int count = 12;
};

struct DamageCommand {
    engine::ObjectId target;
    float amount = 0.0f;
};

struct CommandBuffer {
    std::vector<SpawnCommand> spawns;
    std::vector<BurstCommand> bursts;
    std::vector<DamageCommand> damages;
    std::vector<engine::ObjectId> despawns;
    int64_t score = 0; // points to add (saturating: see addScore)
    int wave = -1;     // the director's wave number, if it reported one this tick

    void clear() {
        spawns.clear();
        bursts.clear();
        damages.clear();
        despawns.clear();
        score = 0;
        wave = -1;
    }
};

/// Scores stay exact as Lua numbers and never wrap: additions stop at kMaxScore.
inline constexpr int64_t kMaxScore = int64_t(1) << 50;
inline int64_t addScore(int64_t score, int64_t points) {
    return points >= kMaxScore - score ? kMaxScore : score + points;
}

/// What the director sees each tick (its `info` argument).
struct DirectorInfo {
    uint64_t tick = 0;
    uint64_t roundTicks = 0; // ticks since the round started
    int64_t score = 0;
    int round = 1;
    size_t live = 0; // enemies alive
    float width = 0, height = 0;
    double random = 0; // in [0, 1), from the engine: the same every run with the same seed
};

/// The main VM's numbers for --stats-json ("main_vm") and the overlay.
struct MainVmStats {
    uint64_t luaBytes = 0;
    uint64_t registryObjectRefs =
        0;                   // registry entries holding an object userdata (counted by walking it)
    uint64_t identities = 0; // engine records holding a ref (counted on the engine side)
    uint64_t hookCalls = 0;
    uint64_t created = 0, released = 0; // identities over the run
};

} // namespace scripting
