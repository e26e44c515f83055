#pragma once
// Intent: what one enemy wants to do this tick. Produced by the think phase (pure Lua behaviours
// on the VM pool; C++ ones in tests and benchmarks), applied by the game: behaviours never move
// anything themselves.
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
    uint8_t hasMemory = 0; // memory holds next tick's memory (else the enemy's memory is kept)
    uint8_t faulted = 0;   // its behaviour raised an error this tick: the enemy idles from now on
    alignas(8) uint8_t memory[kEnemyMemoryBytes] = {};
};

} // namespace engine
