#pragma once
// The Lua side of game objects in the main VM: the object userdata (object_userdata.cpp) and the
// `arena` command API (arena_api.cpp), and the context their C functions share with MainVm.
// Thin bindings in LÖVE's style: check the arguments, read or queue, push results.
#include "scripting/main_vm.h"

#include <functional>

struct lua_State;

namespace scripting {

enum class ObjectKind : uint32_t { Enemy = 0, Player = 1 };

/// What an object's userdata holds: its handle (packed, as a double: exact up to 2^53), never a
/// pointer; and, once the engine destroyed it, when.
struct ObjectUserdata {
    double packed = 0;
    ObjectKind kind = ObjectKind::Enemy;
    uint32_t type = 0; // script slot of an enemy
    uint32_t destroyed = 0;
    uint32_t destroyedTick = 0;
};

struct MainVm::Context {
    engine::World* world = nullptr; // set during the hooks phase only
    CommandBuffer* out = nullptr;
    uint64_t tick = 0;
    const std::vector<EnemyScriptInfo>* scripts = nullptr;
    std::vector<bool> removed;           // per slot: the script's file was deleted
    std::function<void()> pushPlayer;    // pushes the player's identity (arena.player)
    const std::string* script = nullptr; // the script whose hook or director is running
    ScriptErrorLog* log = nullptr;
    int maxSpawns = 2000;
    size_t maxLive = 250000;
    int spawnsThisTick = 0;
    uint64_t created = 0, released = 0;
};

void registerObjectMetatable(lua_State* L, MainVm::Context* ctx);
void pushArenaApi(lua_State* L, MainVm::Context* ctx);
/// Pushes a new object userdata with the shared metatable and an empty table as its environment.
void pushNewObject(lua_State* L, const ObjectUserdata& data);
/// Marks the identity destroyed at `tick` and drops its registry ref (Lua may then collect it).
void releaseIdentity(lua_State* L, int32_t& ref, uint64_t tick, MainVm::Context& ctx);
bool isObjectUserdata(lua_State* L, int index);
/// The object's context (the upvalue every binding carries).
MainVm::Context& contextOf(lua_State* L);
/// "enemy 12:3 (orbiter)"
std::string describeObject(const MainVm::Context& ctx, const ObjectUserdata* ud);
/// The script key of an enemy slot, or "?".
std::string typeName(const MainVm::Context& ctx, const ObjectUserdata* ud);

/// The engine fields and methods of an object userdata, and the arena functions (for checking
/// the LuaLS annotations against what the engine exposes).
std::vector<std::string> objectFieldNames();
std::vector<std::string> arenaFunctionNames();

} // namespace scripting
