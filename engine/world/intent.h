#pragma once
// Intent: what one enemy wants to do this tick. Produced by the think phase (pure Lua behaviours
// on the VM pool; C++ ones in tests and benchmarks), applied by the game: behaviours never move
// anything themselves. Only what the apply step reads: the memory a think writes goes to the
// enemy's own slot of World::enemyMemory (see engine/world/think_phase.h).
#include "engine/world/objects.h"

#include <glm/vec2.hpp>

#include <cstdint>

namespace engine {

// The layout of Intent is shared with the Lua batch driver (scripting/src/pool/think_abi.h checks
// it).
struct Intent {
    glm::vec2 velocity{0.0f}; // desired velocity in units per second; clamped to the enemy's speed
    glm::vec2 aim{0.0f};      // direction to fire in; ignored unless fire
    uint8_t fire = 0;
    uint8_t faulted = 0; // its behaviour raised an error this tick: the enemy idles from now on
    uint8_t reserved[2] = {}; // no padding: intents compare byte for byte (the debugger's check)
};

} // namespace engine
