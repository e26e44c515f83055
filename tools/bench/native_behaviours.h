#pragma once
// Native C++ versions of shipped behaviours, written to produce the same intents as the Lua
// scripts (same formulas, same candidate order, doubles like Lua's numbers). The benchmark runs
// them beside the Lua pool to measure what the scripting costs.
#include "engine/world/think_phase.h"

namespace bench {

/// scripts/enemies/chaser.lua
class NativeChaser final : public engine::ThinkPhase {
public:
    void think(const engine::ThinkContext& context, std::span<engine::Intent> intents) override;
};

/// scripts/enemies/swarm.lua, including the world.flock helper of
/// scripting/src/pool/lua/views.lua.
class NativeSwarm final : public engine::ThinkPhase {
public:
    void think(const engine::ThinkContext& context, std::span<engine::Intent> intents) override;
};

} // namespace bench
