#pragma once
// ThinkPhase: the tick's "think" step. Reads the world, writes one Intent per enemy (same order as
// world.enemies.dense()): velocity, aim, fire and faulted of every intent (the intents are not
// cleared between ticks), except those it hands to applyRange (below). Implementations modify
// nothing else but the memory of the enemies whose think returned, each in its own slot of `memory`
// (no think reads another enemy's memory, so the write needs no second buffer; a think that raised
// leaves it as it was): that is what makes them safe to run in parallel and swappable (native C++,
// the Lua VM pool). Faulted enemies' intents are ignored. An implementation may hand ranges of
// enemies whose intents are final to applyRange as it goes, with their intents (see
// game/sim/enemy_apply.h): their entries of `intents` are then left as they were. The game applies
// the others after the phase.
#include "engine/core/tick.h"
#include "engine/world/enemy_type.h"
#include "engine/world/intent.h"
#include "engine/world/world.h"

#include <cstdint>
#include <functional>
#include <span>

namespace engine {

class WorkerPool;

struct ThinkContext {
    const World& world;
    // The memory the thinks read and write (the game's world.enemyMemory; the tracer passes a
    // copy). An implementation may also lay out a type's pool as its script declares it, which
    // moves that pool; the game has laid it out so already.
    EnemyMemory& memory;
    std::span<const EnemyType> types;
    uint64_t seed = 0;
    float dt = engine::kTickDt;
    // Optional: applyRange(thread, first, last, intents) applies the enemies [first, last) (dense
    // indices), thought and not faulted, whose intents are intents[0 .. last - first), while
    // they are in cache. Called from the phase's threads (thread: 0 .. workers()->size()-1, or
    // 0), at most once per enemy. Only for an enemy whose think is done: applying moves its
    // record.
    const std::function<void(int, uint32_t, uint32_t, const Intent*)>* applyRange = nullptr;
};

class ThinkPhase {
public:
    virtual ~ThinkPhase() = default;
    virtual void think(const ThinkContext& context, std::span<Intent> intents) = 0;
    /// The threads the phase thinks on, lent to the tick's other data-parallel steps while it
    /// is idle (see engine/core/parallel_ranges.h); null when it has none. May change between
    /// ticks (a pool resize): ask again each tick.
    virtual WorkerPool* workers() { return nullptr; }
};

} // namespace engine
