#pragma once
// Autopilot: flies the player in headless and screenshot runs (and the window's attract mode) so
// that every run spawns and kills enemies. Keeps circling the arena, steers away from nearby
// enemies, enemy bullets and walls, aims at the nearest enemy with lead, and fires when in range.
// A pure function of the world: deterministic.
#include "engine/world/world.h"
#include "game/sim/game_def.h"

namespace game {

PlayerCommand autopilot(const engine::World& world);

} // namespace game
