#pragma once
// Intent: what one enemy wants to do this tick. Produced by the think phase (C++ today, pure Lua
// behaviours on the VM pool later), applied by the engine: behaviours never move anything.
#include <glm/vec2.hpp>

namespace engine {

struct Intent {
    glm::vec2 velocity{0.0f}; // desired velocity in units per second; clamped to the enemy's speed
    glm::vec2 aim{0.0f};      // direction to fire in; ignored unless fire
    bool fire = false;
};

} // namespace engine
