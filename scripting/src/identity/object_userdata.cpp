// An object's Lua identity: the userdata made for it (pushNewObject), its shared metatable (engine
// fields, then the object's own table), and its release when the engine destroys the object.
#include "identity/object_api.h"
#include "vm/stack_guard.h"

#include <lua.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace scripting {

namespace {

constexpr const char* kMetatable = "arena.object";

ObjectUserdata* checkObject(lua_State* L, int index) {
    return static_cast<ObjectUserdata*>(luaL_checkudata(L, index, kMetatable));
}

engine::Enemy* enemyOf(const MainVm::Context& ctx, const ObjectUserdata* ud) {
    if (ud->kind != ObjectKind::Enemy || !ctx.world || ud->destroyed)
        return nullptr;
    return ctx.world->enemies.get(engine::unpackObjectId(uint64_t(ud->packed)));
}

engine::Player* playerOf(const MainVm::Context& ctx, const ObjectUserdata* ud) {
    if (ud->kind != ObjectKind::Player || !ctx.world || ud->destroyed)
        return nullptr;
    engine::Player& p = ctx.world->player;
    return engine::packObjectId(p.id) == uint64_t(ud->packed) ? &p : nullptr;
}

[[noreturn]] void staleError(lua_State* L, const MainVm::Context& ctx, const ObjectUserdata* ud) {
    const std::string who = describeObject(ctx, ud);
    if (ud->destroyed)
        luaL_error(L, "%s was destroyed at tick %d", who.c_str(), int(ud->destroyedTick));
    luaL_error(L, "%s is not available here (objects are only reachable during hooks)",
               who.c_str());
    std::abort();
}

enum class Field {
    None,
    Id,
    Kind,
    Type,
    Alive,
    Damage,
    Despawn,
    X,
    Y,
    Vx,
    Vy,
    Hp,
    MaxHp,
    Radius,
    Speed,
    Age
};

struct NamedField {
    const char* name;
    Field field;
};
const NamedField kFields[] = {
    {"id", Field::Id},         {"kind", Field::Kind},     {"type", Field::Type},
    {"alive", Field::Alive},   {"damage", Field::Damage}, {"despawn", Field::Despawn},
    {"x", Field::X},           {"y", Field::Y},           {"vx", Field::Vx},
    {"vy", Field::Vy},         {"hp", Field::Hp},         {"max_hp", Field::MaxHp},
    {"radius", Field::Radius}, {"speed", Field::Speed},   {"age", Field::Age}};

Field fieldOf(const char* k) {
    for (const auto& f : kFields)
        if (std::strcmp(k, f.name) == 0)
            return f.field;
    return Field::None;
}

const MemoryField* memoryFieldOf(const MainVm::Context& ctx, const ObjectUserdata* ud,
                                 const char* k) {
    if (ud->kind != ObjectKind::Enemy || ud->type >= ctx.scripts->size())
        return nullptr;
    return (*ctx.scripts)[ud->type].memory.find(k);
}

void pushMemory(lua_State* L, const MainVm::Context& ctx, const engine::Enemy& e,
                const MemoryField& f) {
    const uint8_t* memory = enemyMemoryHolding(*ctx.world, e, f);
    if (!memory) {
        lua_pushnil(L);
        return;
    }
    const double v = readMemoryField(memory, f);
    if (f.type == MemoryType::Bool)
        lua_pushboolean(L, v != 0.0);
    else
        lua_pushnumber(L, v);
}

void writeMemory(lua_State* L, const MainVm::Context& ctx, engine::Enemy& e, const MemoryField& f,
                 int valueIndex) {
    uint8_t* memory = enemyMemoryHolding(*ctx.world, e, f);
    if (!memory)
        luaL_error(L, "memory field '%s': this enemy has no memory for it", f.name.c_str());
    if (f.type == MemoryType::Bool) {
        writeMemoryBool(memory, f, lua_toboolean(L, valueIndex) != 0);
        return;
    }
    if (lua_type(L, valueIndex) != LUA_TNUMBER)
        luaL_error(L, "memory field '%s' is a number (%s), got %s", f.name.c_str(),
                   memoryTypeName(f.type), luaL_typename(L, valueIndex));
    std::string error;
    if (!writeMemoryField(memory, f, lua_tonumber(L, valueIndex), &error))
        luaL_error(L, "%s", error.c_str());
}

int objAlive(lua_State* L) {
    const MainVm::Context& ctx = contextOf(L);
    const ObjectUserdata* ud = checkObject(L, 1);
    lua_pushboolean(L, enemyOf(ctx, ud) || playerOf(ctx, ud));
    return 1;
}

int objDamage(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    ObjectUserdata* ud = checkObject(L, 1);
    const double amount = luaL_checknumber(L, 2);
    if (!(amount >= 0 && amount <= 1e6))
        luaL_error(L, "damage: amount must be a number in [0, 1e6] (got %f)", amount);
    if (ud->kind != ObjectKind::Enemy)
        luaL_error(L, "damage: only enemies can be damaged from scripts");
    if (!enemyOf(ctx, ud))
        staleError(L, ctx, ud);
    ctx.out->damages.push_back({engine::unpackObjectId(uint64_t(ud->packed)), float(amount)});
    return 0;
}

int objDespawn(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    ObjectUserdata* ud = checkObject(L, 1);
    if (ud->kind != ObjectKind::Enemy)
        luaL_error(L, "despawn: only enemies can be despawned from scripts");
    if (!enemyOf(ctx, ud))
        staleError(L, ctx, ud);
    ctx.out->despawns.push_back(engine::unpackObjectId(uint64_t(ud->packed)));
    return 0;
}

int objIndex(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    const ObjectUserdata* ud = checkObject(L, 1);
    const char* k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : nullptr;
    const Field field = k ? fieldOf(k) : Field::None;
    const MemoryField* mem = (k && field == Field::None) ? memoryFieldOf(ctx, ud, k) : nullptr;
    if (field == Field::None && !mem) {
        lua_getfenv(L, 1); // the object's own table
        lua_pushvalue(L, 2);
        lua_rawget(L, -2);
        return 1;
    }
    switch (field) { // identity: readable even after the object is gone
    case Field::Id: lua_pushnumber(L, ud->packed); return 1;
    case Field::Kind:
        lua_pushstring(L, ud->kind == ObjectKind::Player ? "player" : "enemy");
        return 1;
    case Field::Type: lua_pushstring(L, typeName(ctx, ud).c_str()); return 1;
    case Field::Alive: lua_pushvalue(L, lua_upvalueindex(2)); return 1;
    case Field::Damage: lua_pushvalue(L, lua_upvalueindex(3)); return 1;
    case Field::Despawn: lua_pushvalue(L, lua_upvalueindex(4)); return 1;
    default: break;
    }
    if (const engine::Enemy* e = enemyOf(ctx, ud)) {
        if (mem) {
            pushMemory(L, ctx, *e, *mem);
            return 1;
        }
        switch (field) {
        case Field::X: lua_pushnumber(L, double(e->position.x)); break;
        case Field::Y: lua_pushnumber(L, double(e->position.y)); break;
        case Field::Vx: lua_pushnumber(L, double(e->velocity.x)); break;
        case Field::Vy: lua_pushnumber(L, double(e->velocity.y)); break;
        case Field::Hp: lua_pushnumber(L, double(e->hp)); break;
        case Field::MaxHp: lua_pushnumber(L, double(e->maxHp)); break;
        case Field::Radius: lua_pushnumber(L, double(e->radius)); break;
        case Field::Speed: lua_pushnumber(L, double(e->speed)); break;
        case Field::Age: lua_pushnumber(L, double(ctx.tick) - double(e->spawnTick)); break;
        default: lua_pushnil(L); break;
        }
        return 1;
    }
    if (const engine::Player* p = playerOf(ctx, ud)) {
        switch (field) {
        case Field::X: lua_pushnumber(L, double(p->position.x)); break;
        case Field::Y: lua_pushnumber(L, double(p->position.y)); break;
        case Field::Vx: lua_pushnumber(L, double(p->velocity.x)); break;
        case Field::Vy: lua_pushnumber(L, double(p->velocity.y)); break;
        case Field::Hp: lua_pushnumber(L, double(p->hp)); break;
        case Field::MaxHp: lua_pushnumber(L, double(p->maxHp)); break;
        case Field::Radius: lua_pushnumber(L, double(p->radius)); break;
        default: lua_pushnil(L); break; // speed, age: not player fields
        }
        return 1;
    }
    staleError(L, ctx, ud);
}

int objNewIndex(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    const ObjectUserdata* ud = checkObject(L, 1);
    const char* k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : nullptr;
    const Field field = k ? fieldOf(k) : Field::None;
    const MemoryField* mem = (k && field == Field::None) ? memoryFieldOf(ctx, ud, k) : nullptr;
    if (mem) {
        engine::Enemy* e = enemyOf(ctx, ud);
        if (!e)
            staleError(L, ctx, ud);
        writeMemory(L, ctx, *e, *mem, 3);
        return 0;
    }
    if (field != Field::None) {
        const char* hint = field == Field::Hp ? " (use self:damage(n))" : "";
        luaL_error(L, "field '%s' of %s is read-only%s", k, describeObject(ctx, ud).c_str(), hint);
    }
    lua_getfenv(L, 1);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    lua_rawset(L, -3); // errors for a nil or NaN key, like any table
    return 0;
}

int objToString(lua_State* L) {
    const MainVm::Context& ctx = contextOf(L);
    lua_pushstring(L, describeObject(ctx, checkObject(L, 1)).c_str());
    return 1;
}

} // namespace

void registerObjectMetatable(lua_State* L, MainVm::Context* ctx) {
    STACK_GUARD(L, 0);
    luaL_newmetatable(L, kMetatable);
    const auto pushClosure = [&](lua_CFunction f) {
        lua_pushlightuserdata(L, ctx);
        lua_pushcclosure(L, f, 1);
    };
    // __index has the methods as upvalues 2-4: `self.alive` returns the same function every time.
    lua_pushlightuserdata(L, ctx);
    pushClosure(objAlive);
    pushClosure(objDamage);
    pushClosure(objDespawn);
    lua_pushcclosure(L, objIndex, 4);
    lua_setfield(L, -2, "__index");
    pushClosure(objNewIndex);
    lua_setfield(L, -2, "__newindex");
    pushClosure(objToString);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "arena object");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

std::vector<std::string> objectFieldNames() {
    std::vector<std::string> names;
    for (const auto& f : kFields)
        names.push_back(f.name);
    return names;
}

bool isObjectUserdata(lua_State* L, int index) {
    if (!lua_isuserdata(L, index) || !lua_getmetatable(L, index))
        return false;
    luaL_getmetatable(L, kMetatable);
    const bool same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return same;
}

void pushNewObject(lua_State* L, const ObjectUserdata& data) {
    auto* ud = static_cast<ObjectUserdata*>(lua_newuserdata(L, sizeof(ObjectUserdata)));
    *ud = data;
    luaL_getmetatable(L, kMetatable);
    lua_setmetatable(L, -2);
    lua_createtable(L, 0, 2);
    lua_setfenv(L, -2);
}

MainVm::Context& contextOf(lua_State* L) {
    return *static_cast<MainVm::Context*>(lua_touserdata(L, lua_upvalueindex(1)));
}

std::string typeName(const MainVm::Context& ctx, const ObjectUserdata* ud) {
    if (ud->kind == ObjectKind::Player)
        return "player";
    return ud->type < ctx.scripts->size() ? (*ctx.scripts)[ud->type].key : "?";
}

std::string describeObject(const MainVm::Context& ctx, const ObjectUserdata* ud) {
    const engine::ObjectId id = engine::unpackObjectId(uint64_t(ud->packed));
    char text[128];
    std::snprintf(text, sizeof text, "%s %u:%u (%s)",
                  ud->kind == ObjectKind::Player ? "player" : "enemy", id.index, id.generation,
                  typeName(ctx, ud).c_str());
    return text;
}

void releaseIdentity(lua_State* L, int32_t& ref, uint64_t tick, MainVm::Context& ctx) {
    if (ref == engine::kNoScriptRef)
        return;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    if (auto* ud = static_cast<ObjectUserdata*>(lua_touserdata(L, -1))) {
        ud->destroyed = 1;
        ud->destroyedTick = uint32_t(tick);
    }
    lua_pop(L, 1);
    luaL_unref(L, LUA_REGISTRYINDEX,
               ref); // the userdata may now be collected, unless a script kept it
    ref = engine::kNoScriptRef;
    ++ctx.released;
}

} // namespace scripting
