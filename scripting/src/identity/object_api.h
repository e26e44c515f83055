#pragma once
// The object userdata and the `arena` API of the main VM (object_api.cpp), and the context their
// C functions share with MainVm.
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
    std::vector<bool> removed; // per slot: the script's file was deleted
    std::function<void()> pushPlayer; // pushes the player's identity (arena.player)
    int maxSpawns = 5000;
    int spawnsThisTick = 0;
    uint64_t created = 0, released = 0;
};

void registerObjectMetatable(lua_State* L, MainVm::Context* ctx);
void pushArenaApi(lua_State* L, MainVm::Context* ctx);
/// Pushes a new object userdata with the shared metatable and an empty table as its environment.
void pushNewObject(lua_State* L, const ObjectUserdata& data);
bool isObjectUserdata(lua_State* L, int index);

/// The engine fields and methods of an object userdata, and the arena functions (for checking
/// the LuaLS annotations against what the engine exposes).
std::vector<std::string> objectFieldNames();
std::vector<std::string> arenaFunctionNames();

} // namespace scripting
