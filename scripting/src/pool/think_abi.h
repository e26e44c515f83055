#pragma once
// The memory shared between C++ and the trusted Lua batch driver
// (scripting/src/pool/lua/driver.lua). The Lua side declares the same structs in kThinkCdef; tests
// compare every offset with ffi.offsetof. Scripts never see any of these pointers: they get scalar,
// read-only views filled by the driver (and self.rand, self.rand2 computed when read).
#include "engine/world/intent.h"
#include "engine/world/objects.h"
#include "engine/world/spatial_grid.h"
#include "engine/world/world.h"

#include <glm/vec2.hpp>

#include <cstddef>
#include <cstdint>

namespace scripting {

/// What scripts read as `world` (const; all numbers). One per tick, shared by every VM.
struct ThinkWorldView {
    double tick, time, dt;
    double width, height;
    double player_x, player_y, player_vx, player_vy, player_hp, player_alive;
    double enemy_count;
};

/// The driver's scratch behind `self` (kThinkCdef's arena_self_scratch), refilled per entity: the
/// tracer reads the view think saw at its address (the FFI offsets are compared in pool_vm_test).
struct ThinkSelfScratch {
    double x, y, vx, vy, hp, max_hp, radius, speed, id, age;
    int32_t nb_count, unused_;
};

/// The field names of the two views, in struct order (every field a double).
inline constexpr const char* kSelfViewFields[] = {"x",      "y",      "vx",    "vy", "hp",
                                                  "max_hp", "radius", "speed", "id", "age"};
/// The fields of `self` computed when read (views.lua's __index calls arenaEnemyRandom), in the
/// order of arenaEnemyRandom's `which`: the tick's randoms, which no shipped script reads, so
/// nobody pays for them per enemy.
inline constexpr const char* kSelfRandomFields[] = {"rand", "rand2"};
inline constexpr const char* kWorldViewFields[] = {
    "tick",     "time",      "dt",        "width",     "height",       "player_x",
    "player_y", "player_vx", "player_vy", "player_hp", "player_alive", "enemy_count"};

/// One type's memory pool as the driver reads it (engine/world/enemy_memory.h): an enemy's memory
/// is data + memorySlot * bytes. The driver checks an enemy's slot is below slots before it reads.
struct ThinkMemoryPool {
    uint8_t* data;
    uint32_t bytes, slots;
};

/// Everything the driver needs for one tick. Filled by fillThinkFrame (pool/think_frame.h) before
/// the parallel phase (or a trace), read-only while it runs.
struct ThinkFrame {
    const engine::Enemy* enemies;
    engine::TickRandoms randoms{0, 0}; // self.rand and self.rand2 of this tick (opaque to Lua)
    const ThinkMemoryPool* memory;     // by type; memoryTypes of them
    const uint32_t* order;     // dense enemy indices grouped by script; batches are ranges of it
    const uint32_t* cellStart; // spatial grid, see engine/world/spatial_grid.h
    const engine::GridPoint* cellPoints; // slot order, see engine/world/spatial_grid.h
    const uint32_t* cellSlotOf;          // grid item -> its slot; cellItemCount of them
    int32_t columns, rows;
    float inverseCell, cellSize;
    uint32_t enemyCount, memoryTypes;
    uint32_t cellItemCount, unused_; // the grid's items (enemies at its rebuild)
    ThinkWorldView world;
};

/// Per VM. position and entity are written by the driver: where it is, so C++ can resume after
/// an error. intents and batchFirst are written by C++ before each batch (PoolVm::beginBatch): the
/// driver writes the intent of order[k] to intents[k - batchFirst]. That is the VM's own buffer
/// (in cache until the phase applies the batch, or copied to the tick's dense array when the
/// order is not the identity), or, for a dense run the phase does not apply, the tick's dense
/// array itself.
struct DriverCursor {
    int32_t position; // index into ThinkFrame::order of the entity being thought
    int32_t entity;   // its dense index (the helpers' implicit self)
    engine::Intent* intents;
    int32_t batchFirst, unused_;
};

inline constexpr const char* kThinkCdef = R"(
typedef struct { float x, y; } arena_vec2;
typedef struct { uint32_t index, generation; } arena_id;
typedef struct { arena_vec2 position, velocity; } arena_grid_point;
typedef struct {
  arena_id id;
  uint16_t type, flags;
  arena_vec2 position, velocity;
  float hp, max_hp, radius, speed;
  int32_t fire_cooldown;
  uint32_t spawn_tick;
  int32_t script_ref;
  uint32_t memory_slot, reserved_;
} arena_enemy;
typedef struct {
  arena_vec2 velocity, aim;
  uint8_t fire, faulted;
  uint8_t reserved_[2];
} arena_intent;
typedef struct { uint8_t *data; uint32_t bytes, slots; } arena_memory_pool;
typedef struct {
  const double tick, time, dt;
  const double width, height;
  const double player_x, player_y, player_vx, player_vy, player_hp, player_alive;
  const double enemy_count;
} arena_world_view;
typedef struct {
  const arena_enemy *enemies;
  const uint64_t randoms_[3];
  const arena_memory_pool *memory;
  const uint32_t *order;
  const uint32_t *cell_start;
  const arena_grid_point *cell_points;
  const uint32_t *cell_slot_of;
  int32_t columns, rows;
  float inverse_cell, cell_size;
  uint32_t enemy_count, memory_types;
  uint32_t cell_item_count, unused_;
  arena_world_view world;
} arena_think_frame;
typedef struct {
  int32_t position, entity;
  arena_intent *intents;
  int32_t batch_first, unused_;
} arena_cursor;
typedef struct {
  const double x, y, vx, vy, hp, max_hp, radius, speed, id, age;
} arena_self_view;
typedef struct {
  double x, y, vx, vy, hp, max_hp, radius, speed, id, age;
  int32_t nb_count, unused_;
} arena_self_scratch;
)";

/// What self.rand (which 0) and self.rand2 (which 1) read for the frame's enemy `entity` (a dense
/// index): frame->randoms.of(its id), so the same value whoever thinks it; 0 for an index out of
/// range. Called by views.lua through the FFI, only when a think reads them.
extern "C" double arenaEnemyRandom(const ThinkFrame* frame, int32_t entity, int32_t which);

static_assert(sizeof(engine::Enemy) == 64, "update kThinkCdef's arena_enemy");
static_assert(offsetof(engine::Enemy, memorySlot) == 56, "update kThinkCdef's arena_enemy");
static_assert(sizeof(engine::Intent) == 20, "update kThinkCdef's arena_intent");
static_assert(offsetof(engine::Intent, faulted) == 17, "update kThinkCdef's arena_intent");
static_assert(sizeof(ThinkMemoryPool) == 16, "update kThinkCdef's arena_memory_pool");
static_assert(sizeof(DriverCursor) == 24, "update kThinkCdef's arena_cursor");
static_assert(sizeof(glm::vec2) == 8);
static_assert(sizeof(ThinkSelfScratch) == 88, "update kThinkCdef's arena_self_scratch");
static_assert(sizeof(engine::TickRandoms) == 24, "update kThinkCdef's arena_think_frame");
static_assert(sizeof(kSelfViewFields) / sizeof(kSelfViewFields[0]) * sizeof(double) ==
              offsetof(ThinkSelfScratch, nb_count));
static_assert(sizeof(kWorldViewFields) / sizeof(kWorldViewFields[0]) * sizeof(double) ==
              sizeof(ThinkWorldView));
static_assert(sizeof(engine::GridPoint) == 16, "update kThinkCdef's arena_grid_point");

} // namespace scripting
