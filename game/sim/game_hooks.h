#pragma once
// GameHooks: how the game hands its tick to per-object scripts (hooks and the director, in the
// main VM) without knowing how they run. The game calls these on the main thread, in a fixed
// order; implementations answer with commands (scripting::CommandBuffer), which the game applies.
#include "engine/world/world.h"
#include "game/sim/events.h"
#include "scripting/hook_commands.h"

#include <span>

namespace game {

class GameHooks {
public:
    virtual ~GameHooks() = default;
    /// The hooks phase: on_hit for every hit, then on_death for every death, in event order, then
    /// the director (if directorInfo is given). Returns false if there is no director or it failed.
    virtual bool runHooks(engine::World& world, std::span<const HitEvent> hits,
                          std::span<const DeathEvent> deaths,
                          const scripting::DirectorInfo* directorInfo,
                          scripting::CommandBuffer& out) = 0;
    /// on_spawn for enemies just created at commit, in creation order.
    virtual void spawned(engine::World& world, std::span<const engine::ObjectId> ids,
                         scripting::CommandBuffer& out) = 0;
    /// Before the engine destroys an object: its Lua identity is released.
    virtual void destroyed(engine::Enemy& enemy, uint64_t tick) = 0;
    virtual void destroyed(engine::Player& player, uint64_t tick) = 0;
    /// A new round starts (the director's state starts over).
    virtual void roundStarted() = 0;
    /// A hash of the state the scripts keep (object tables, the director's state): part of a
    /// replay's checkpoints. 0 when there is none.
    virtual uint64_t stateHash(const engine::World& /*world*/) const { return 0; }
};

} // namespace game
