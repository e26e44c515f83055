#include "game/sim/lua_hooks.h"

namespace game {

bool LuaHooks::runHooks(engine::World& world, std::span<const HitEvent> hits,
                        std::span<const DeathEvent> deaths,
                        const scripting::DirectorInfo* directorInfo,
                        scripting::CommandBuffer& out) {
    m_vm->begin(world, world.tick, out);
    for (const HitEvent& h : hits)
        if (h.source == HitSource::PlayerBullet)
            m_vm->onHit(h.enemy, h.damage);
    for (const DeathEvent& d : deaths)
        m_vm->onDeath(d.enemy, d.killedByPlayer);
    const bool director = directorInfo && m_vm->runDirector(*directorInfo);
    m_vm->end();
    return director;
}

void LuaHooks::spawned(engine::World& world, std::span<const engine::ObjectId> ids,
                       scripting::CommandBuffer& out) {
    m_vm->begin(world, world.tick, out);
    for (engine::ObjectId id : ids)
        m_vm->onSpawn(id);
    m_vm->end();
}

} // namespace game
