// The Lua side of game objects in the main VM: the object userdata's metatable and the `arena`
// command API. Thin bindings in LÖVE's style: check the arguments, read or queue, push results.
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

MainVm::Context& contextOf(lua_State* L) {
    return *static_cast<MainVm::Context*>(lua_touserdata(L, lua_upvalueindex(1)));
}

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

std::string typeName(const MainVm::Context& ctx, const ObjectUserdata* ud) {
    if (ud->kind == ObjectKind::Player)
        return "player";
    return ud->type < ctx.scripts->size() ? (*ctx.scripts)[ud->type].key : "?";
}

// "enemy 12:3 (orbiter)"
std::string describeObject(const MainVm::Context& ctx, const ObjectUserdata* ud) {
    const engine::ObjectId id = engine::unpackObjectId(uint64_t(ud->packed));
    char text[128];
    std::snprintf(text, sizeof text, "%s %u:%u (%s)", ud->kind == ObjectKind::Player ? "player" : "enemy", id.index,
                  id.generation, typeName(ctx, ud).c_str());
    return text;
}

[[noreturn]] void staleError(lua_State* L, const MainVm::Context& ctx, const ObjectUserdata* ud) {
    const std::string who = describeObject(ctx, ud);
    if (ud->destroyed)
        luaL_error(L, "%s was destroyed at tick %d", who.c_str(), int(ud->destroyedTick));
    luaL_error(L, "%s is not available here (objects are only reachable during hooks)", who.c_str());
    std::abort();
}

enum class Field { None, Id, Kind, Type, Alive, Damage, Despawn, X, Y, Vx, Vy, Hp, MaxHp, Radius, Speed, Age };

struct NamedField {
    const char* name;
    Field field;
};
const NamedField kFields[] = {{"id", Field::Id},         {"kind", Field::Kind},     {"type", Field::Type},
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

int arenaSpawn(lua_State* L);
int arenaBurst(lua_State* L);
int arenaAddScore(lua_State* L);
int arenaPlayer(lua_State* L);
const luaL_Reg kArenaFunctions[] = {{"spawn", arenaSpawn}, {"burst", arenaBurst}, {"add_score", arenaAddScore},
                                    {"player", arenaPlayer}, {nullptr, nullptr}};

const MemoryField* memoryFieldOf(const MainVm::Context& ctx, const ObjectUserdata* ud, const char* k) {
    if (ud->kind != ObjectKind::Enemy || ud->type >= ctx.scripts->size())
        return nullptr;
    for (const MemoryField& f : (*ctx.scripts)[ud->type].memory)
        if (f.name == k)
            return &f;
    return nullptr;
}

void pushMemory(lua_State* L, const engine::Enemy& e, const MemoryField& f) {
    const uint8_t* p = e.memory + f.offset;
    if (f.type == "float") {
        float v;
        std::memcpy(&v, p, sizeof v);
        lua_pushnumber(L, double(v));
    } else if (f.type == "double" || f.type == "number") {
        double v;
        std::memcpy(&v, p, sizeof v);
        lua_pushnumber(L, v);
    } else if (f.type == "int") {
        int32_t v;
        std::memcpy(&v, p, sizeof v);
        lua_pushnumber(L, double(v));
    } else {
        lua_pushboolean(L, *p != 0);
    }
}

void writeMemory(lua_State* L, engine::Enemy& e, const MemoryField& f, int valueIndex) {
    uint8_t* p = e.memory + f.offset;
    if (f.type == "bool") {
        *p = lua_toboolean(L, valueIndex) ? 1 : 0;
        return;
    }
    if (lua_type(L, valueIndex) != LUA_TNUMBER)
        luaL_error(L, "memory field '%s' is a number (%s), got %s", f.name.c_str(), f.type.c_str(),
                   luaL_typename(L, valueIndex));
    const double v = lua_tonumber(L, valueIndex);
    if (f.type == "float") {
        const float x = float(v);
        std::memcpy(p, &x, sizeof x);
    } else if (f.type == "int") {
        if (!(v >= -2147483648.0 && v <= 2147483647.0))
            luaL_error(L, "memory field '%s' is an int: %f does not fit", f.name.c_str(), v);
        const int32_t x = int32_t(v);
        std::memcpy(p, &x, sizeof x);
    } else {
        std::memcpy(p, &v, sizeof v);
    }
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
    case Field::Kind: lua_pushstring(L, ud->kind == ObjectKind::Player ? "player" : "enemy"); return 1;
    case Field::Type: lua_pushstring(L, typeName(ctx, ud).c_str()); return 1;
    case Field::Alive: lua_pushvalue(L, lua_upvalueindex(2)); return 1;
    case Field::Damage: lua_pushvalue(L, lua_upvalueindex(3)); return 1;
    case Field::Despawn: lua_pushvalue(L, lua_upvalueindex(4)); return 1;
    default: break;
    }
    if (const engine::Enemy* e = enemyOf(ctx, ud)) {
        if (mem) {
            pushMemory(L, *e, *mem);
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
        writeMemory(L, *e, *mem, 3);
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

// arena.spawn(type, x, y [, { hp = n }])
int arenaSpawn(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    if (!ctx.out)
        luaL_error(L, "arena.spawn: commands can only be given from hooks and the director");
    const char* type = luaL_checkstring(L, 1);
    const double x = luaL_checknumber(L, 2), y = luaL_checknumber(L, 3);
    if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > 1e6 || std::fabs(y) > 1e6)
        luaL_error(L, "arena.spawn: position must be finite numbers (got %f, %f)", x, y);
    int slot = -1;
    std::string known;
    for (size_t i = 0; i < ctx.scripts->size(); ++i) {
        const bool gone = i < ctx.removed.size() && ctx.removed[i];
        if ((*ctx.scripts)[i].key == type)
            slot = gone ? -2 : int(i);
        if (!gone)
            known += (known.empty() ? "" : ", ") + (*ctx.scripts)[i].key;
    }
    if (slot == -2)
        luaL_error(L, "arena.spawn: enemy type '%s' was removed (its file is gone)", type);
    if (slot < 0)
        luaL_error(L, "arena.spawn: unknown enemy type '%s' (known: %s)", type, known.c_str());
    float hp = 0.0f;
    if (!lua_isnoneornil(L, 4)) {
        luaL_checktype(L, 4, LUA_TTABLE);
        lua_pushnil(L);
        while (lua_next(L, 4)) {
            const char* key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : nullptr;
            if (!key || std::strcmp(key, "hp") != 0)
                luaL_error(L, "arena.spawn: unknown option %s (options: hp)",
                           key ? lua_pushfstring(L, "'%s'", key) : luaL_typename(L, -2));
            const double v = lua_tonumber(L, -1);
            if (lua_type(L, -1) != LUA_TNUMBER || !(v > 0 && v <= 1e6))
                luaL_error(L, "arena.spawn: hp must be a number in (0, 1e6]");
            hp = float(v);
            lua_pop(L, 1);
        }
    }
    if (++ctx.spawnsThisTick > ctx.maxSpawns)
        luaL_error(L, "arena.spawn: more than %d spawns in one tick", ctx.maxSpawns);
    ctx.out->spawns.push_back({uint16_t(slot), {float(x), float(y)}, hp});
    return 0;
}

// arena.burst(x, y [, "#rrggbb" [, count]]): a cosmetic particle burst
int arenaBurst(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    if (!ctx.out)
        luaL_error(L, "arena.burst: commands can only be given from hooks and the director");
    const double x = luaL_checknumber(L, 1), y = luaL_checknumber(L, 2);
    if (!std::isfinite(x) || !std::isfinite(y))
        luaL_error(L, "arena.burst: position must be finite numbers");
    uint32_t color = 0xffffffff;
    if (!lua_isnoneornil(L, 3)) {
        const char* c = luaL_checkstring(L, 3);
        unsigned rgb = 0;
        if (std::strlen(c) != 7 || c[0] != '#' || std::sscanf(c + 1, "%6x", &rgb) != 1)
            luaL_error(L, "arena.burst: color must be like \"#ff8800\" (got \"%s\")", c);
        color = (rgb << 8) | 0xffu;
    }
    const lua_Integer count = luaL_optinteger(L, 4, 12);
    if (count < 1 || count > 64)
        luaL_error(L, "arena.burst: count must be 1..64");
    if (ctx.out->bursts.size() < 1000)
        ctx.out->bursts.push_back({{float(x), float(y)}, color, int(count)});
    return 0;
}

// arena.add_score(n)
int arenaAddScore(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    if (!ctx.out)
        luaL_error(L, "arena.add_score: commands can only be given from hooks and the director");
    const lua_Integer n = luaL_checkinteger(L, 1);
    if (n < 0 || n > 100000)
        luaL_error(L, "arena.add_score: n must be 0..100000");
    ctx.out->score += int(n);
    return 0;
}

// arena.player(): the player's object
int arenaPlayer(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    if (!ctx.world || !ctx.pushPlayer)
        luaL_error(L, "arena.player: only available during hooks and the director");
    ctx.pushPlayer();
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

std::vector<std::string> arenaFunctionNames() {
    std::vector<std::string> names;
    for (const luaL_Reg* f = kArenaFunctions; f->name; ++f)
        names.push_back(f->name);
    return names;
}

void pushArenaApi(lua_State* L, MainVm::Context* ctx) {
    lua_createtable(L, 0, 4);
    for (const luaL_Reg* f = kArenaFunctions; f->name; ++f) {
        lua_pushlightuserdata(L, ctx);
        lua_pushcclosure(L, f->func, 1);
        lua_setfield(L, -2, f->name);
    }
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

} // namespace scripting
