// Fuzz target 3: the object API as hooks use it, with random handles (live, stale, reused),
// random keys and values, and random command arguments. Invariant: no crash, and the registry
// holds exactly one ref per identity.
#include "scripting/main_vm.h"
#include "scripting/synthetic_world.h"
#include "scripting/think_phase.h"

#include <lua.hpp>

#include <cstdint>
#include <string>

namespace {
struct Fixture {
    std::unique_ptr<scripting::LuaThinkPhase> pool;
    std::unique_ptr<scripting::MainVm> vm;
    int probe = LUA_NOREF;
    Fixture() {
        scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
        def.scriptsDir = std::string(ARENA_SOURCE_DIR) + "/scripts";
        def.poolSize = 1;
        std::string error;
        pool = scripting::LuaThinkPhase::create(def, &error);
        vm = scripting::MainVm::create(scripting::defaultMainVmDef(), pool->loadedFiles(),
                                       pool->scripts(), pool->errors(), &error);
        // A trusted probe: reads or writes a key of an object, calls a method or a command.
        lua_State* L = vm->state();
        luaL_loadstring(L, R"(return function(o, op, key, value, player)
          if op == 0 then return o[key] end
          if op == 1 then o[key] = value return end
          if op == 2 then return o:alive() end
          if op == 3 then return o:damage(value) end
          if op == 4 then return o:despawn() end
          if op == 5 then return tostring(o) end
          if op == 6 then return o == player end
        end)");
        lua_call(L, 0, 1);
        probe = luaL_ref(L, LUA_REGISTRYINDEX);
    }
};

void pushValue(lua_State* L, uint8_t b) {
    switch (b % 6) {
    case 0: lua_pushnumber(L, double(b) - 100); break;
    case 1: lua_pushnumber(L, 0.0 / 0.0); break;
    case 2: lua_pushstring(L, "text"); break;
    case 3: lua_pushboolean(L, b & 1); break;
    case 4: lua_newtable(L); break;
    default: lua_pushnil(L); break;
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Fixture f;
    if (!f.vm)
        return 0;
    lua_State* L = f.vm->state();
    scripting::SyntheticWorld w(4, 0, 100.0f);
    std::vector<int> kept; // userdata that scripts "kept": live or stale
    scripting::CommandBuffer out;
    const char* keys[] = {"x",     "hp", "charging", "dir_x", "enraged", "mood",
                          "alive", "id", "type",     "age",   "",        "__index"};
    const auto types = f.pool->scripts().size();
    f.vm->begin(w.world, 1, out);
    for (size_t i = 0; i + 3 < size; i += 4) {
        const uint8_t op = data[i], a = data[i + 1], b = data[i + 2], c = data[i + 3];
        auto enemies = w.world.enemies.dense();
        switch (op % 6) {
        case 0: { // spawn
            engine::Enemy e;
            e.type = uint16_t(a % types);
            const engine::ObjectId id = w.world.enemies.create(e);
            w.world.enemies.dense().back().id = id;
            break;
        }
        case 1: // destroy (releasing the identity first, as the game does)
            if (!enemies.empty()) {
                const engine::ObjectId id = enemies[a % enemies.size()].id;
                f.vm->release(*w.world.enemies.get(id), 2);
                w.world.enemies.destroy(id);
            }
            break;
        case 2: // a script keeps an object
            if (!enemies.empty()) {
                f.vm->pushEnemy(enemies[a % enemies.size()]);
                kept.push_back(luaL_ref(L, LUA_REGISTRYINDEX));
            }
            break;
        default: { // probe a kept object (maybe stale), protected like any script call
            if (kept.empty())
                break;
            lua_rawgeti(L, LUA_REGISTRYINDEX, f.probe);
            lua_rawgeti(L, LUA_REGISTRYINDEX, kept[a % kept.size()]);
            lua_pushinteger(L, b % 7);
            if (c % 3 == 0)
                pushValue(L, c);
            else
                lua_pushstring(L, keys[c % (sizeof keys / sizeof *keys)]);
            pushValue(L, b);
            f.vm->pushPlayer(w.world.player);
            if (lua_pcall(L, 5, 1, 0) != 0 && lua_type(L, -1) != LUA_TSTRING)
                __builtin_trap(); // every error from the object API is a string
            lua_pop(L, 1);
        }
        }
    }
    f.vm->end();
    for (int ref : kept)
        luaL_unref(L, LUA_REGISTRYINDEX, ref);
    for (engine::Enemy& e : w.world.enemies.dense())
        f.vm->release(e, 3);
    f.vm->release(w.world.player, 3);
    const scripting::MainVmStats s = f.vm->stats(w.world);
    if (s.registryObjectRefs != 0 || s.identities != 0)
        __builtin_trap(); // a ref left behind
    return 0;
}
