#include "pool/think_frame.h"

namespace scripting {

void fillThinkFrame(ThinkFrame& f, const engine::ThinkContext& ctx, const uint32_t* order,
                    ThinkFrameStorage& storage) {
    const engine::World& world = ctx.world;
    f.enemies = world.enemies.dense().data();
    f.order = order;
    f.enemyCount = uint32_t(world.enemies.size());
    f.randoms = engine::TickRandoms(ctx.seed, world.tick);
    engine::EnemyMemory& memory = ctx.memory;
    storage.pools.resize(memory.types());
    for (size_t t = 0; t < memory.types(); ++t)
        storage.pools[t] = {memory.data(uint16_t(t)), memory.bytes(uint16_t(t)),
                            memory.slots(uint16_t(t))};
    f.memory = storage.pools.data();
    f.memoryTypes = uint32_t(storage.pools.size());
    f.columns = world.enemyGrid.columns();
    f.rows = world.enemyGrid.rows();
    f.cellSize = world.enemyGrid.cellSize();
    f.inverseCell = 1.0f / f.cellSize;
    f.cellStart = world.enemyGrid.cellStartData();
    f.cellPoints = world.enemyGrid.pointData();
    f.cellSlotOf = world.enemyGrid.slotData();
    f.cellItemCount = uint32_t(world.enemyGrid.itemCount());
    ThinkWorldView& w = f.world;
    w.tick = double(world.tick);
    w.dt = double(ctx.dt);
    w.time = double(world.tick) * double(ctx.dt);
    w.width = double(world.size.x);
    w.height = double(world.size.y);
    w.player_x = double(world.player.position.x);
    w.player_y = double(world.player.position.y);
    w.player_vx = double(world.player.velocity.x);
    w.player_vy = double(world.player.velocity.y);
    w.player_hp = double(world.player.hp);
    w.player_alive = world.player.alive ? 1.0 : 0.0;
    w.enemy_count = double(world.enemies.size());
}

extern "C" double arenaEnemyRandom(const ThinkFrame* frame, int32_t entity, int32_t which) {
    if (!frame || entity < 0 || uint32_t(entity) >= frame->enemyCount)
        return 0.0;
    const glm::vec2 r = frame->randoms.of(frame->enemies[entity].id);
    return double(which == 0 ? r.x : r.y);
}

} // namespace scripting
