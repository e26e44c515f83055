#pragma once
// LuaHooks: GameHooks run by the main VM (scripting::MainVm).
#include "game/sim/game_hooks.h"
#include "scripting/main_vm.h"

#include <memory>

namespace game {

class LuaHooks final : public GameHooks {
public:
    explicit LuaHooks(std::unique_ptr<scripting::MainVm> vm) : m_vm(std::move(vm)) {}

    bool runHooks(engine::World& world, std::span<const HitEvent> hits,
                  std::span<const DeathEvent> deaths, const scripting::DirectorInfo* directorInfo,
                  scripting::CommandBuffer& out) override;
    void spawned(engine::World& world, std::span<const engine::ObjectId> ids,
                 scripting::CommandBuffer& out) override;
    void destroyed(engine::Enemy& enemy, uint64_t tick) override { m_vm->release(enemy, tick); }
    void destroyed(engine::Player& player, uint64_t tick) override { m_vm->release(player, tick); }
    void roundStarted() override { m_vm->resetDirector(); }
    uint64_t stateHash(const engine::World& world) const override { return m_vm->stateHash(world); }

    scripting::MainVm& mainVm() { return *m_vm; }

private:
    std::unique_ptr<scripting::MainVm> m_vm;
};

} // namespace game
