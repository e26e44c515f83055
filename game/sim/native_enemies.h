#pragma once
// C++ enemies: a few stat blocks and a seek behaviour speaking the same Intent contract as the Lua
// behaviours. The game's own tests run the simulation with them, without any Lua.
#include "engine/world/enemy_type.h"
#include "engine/world/think_phase.h"

#include <vector>

namespace game {

std::vector<engine::EnemyType> nativeEnemyTypes();

/// Seeks the player; types that can fire keep their distance and shoot at the player.
class NativeSeekThink final : public engine::ThinkPhase {
public:
    void think(const engine::ThinkContext& context, std::span<engine::Intent> intents) override;
};

} // namespace game
