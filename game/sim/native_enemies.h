#pragma once
// The temporary C++ enemies of the first playable version: a few stat blocks and a seek behaviour
// that already speaks the Intent contract the Lua behaviours will produce.
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
