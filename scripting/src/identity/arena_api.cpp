// The `arena` command API of hooks and the director: arena.spawn, burst, add_score, player.
// Every argument is checked here, once, at the boundary; commands are queued for the game, which
// applies them after the hooks phase.
#include "identity/object_api.h"

#include <lua.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace scripting {

namespace {
constexpr double kMaxScorePerCall = 100000;

// A number argument in [lo, hi] (NaN fails), as a double: converting first would be undefined
// behaviour for values out of the target type's range.
double checkRange(lua_State* L, int arg, double lo, double hi, const char* what) {
    const double v = luaL_checknumber(L, arg);
    if (!(v >= lo && v <= hi))
        luaL_error(L, "%s must be a number from %.14g to %.14g (got %.14g)", what, lo, hi, v);
    return v;
}

void requireHooksPhase(lua_State* L, const MainVm::Context& ctx, const char* name) {
    if (!ctx.out)
        luaL_error(L, "arena.%s: commands can only be given from hooks and the director", name);
}

// arena.spawn(type, x, y [, { hp = n }]) -> true, or false when the arena is full
int arenaSpawn(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    requireHooksPhase(L, ctx, "spawn");
    const char* type = luaL_checkstring(L, 1);
    const double x = checkRange(L, 2, -1e6, 1e6, "arena.spawn: x");
    const double y = checkRange(L, 3, -1e6, 1e6, "arena.spawn: y");
    constexpr int kUnknown = -1, kRemoved = -2; // what slot holds when the name is not a live type
    int slot = kUnknown;
    std::string known;
    for (size_t i = 0; i < ctx.scripts->size(); ++i) {
        const bool gone = i < ctx.removed.size() && ctx.removed[i];
        if ((*ctx.scripts)[i].key == type)
            slot = gone ? kRemoved : int(i);
        if (!gone)
            known += (known.empty() ? "" : ", ") + (*ctx.scripts)[i].key;
    }
    if (slot == kRemoved)
        luaL_error(L, "arena.spawn: enemy type '%s' was removed (its file is gone)", type);
    if (slot == kUnknown)
        luaL_error(L, "arena.spawn: unknown enemy type '%s' (known: %s)", type, known.c_str());
    float hp = 0.0f;
    if (!lua_isnoneornil(L, 4)) {
        luaL_checktype(L, 4, LUA_TTABLE);
        lua_pushnil(L);
        while (lua_next(L, 4)) { // raw: no metamethods
            const char* key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : nullptr;
            if (!key || std::strcmp(key, "hp") != 0)
                luaL_error(L, "arena.spawn: unknown option %s (options: hp)",
                           key ? lua_pushfstring(L, "'%s'", key) : luaL_typename(L, -2));
            const double v = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : 0.0;
            if (!(v >= 0.01 && v <= 1e6))
                luaL_error(L, "arena.spawn: hp must be a number from 0.01 to 1000000");
            hp = float(v);
            lua_pop(L, 1);
        }
    }
    if (++ctx.spawnsThisTick > ctx.maxSpawns)
        luaL_error(L, "arena.spawn: more than %d spawns in one tick (the limit)", ctx.maxSpawns);
    const size_t live = ctx.world ? ctx.world->enemies.size() : 0;
    if (live + ctx.out->spawns.size() >= ctx.maxLive) {
        // Not an error: a director that fills the arena is doing its job. Said once per script.
        if (ctx.log && ctx.script) {
            char text[200];
            std::snprintf(
                text, sizeof text,
                "arena.spawn refused: the arena holds at most %zu enemies (spawn returns false)",
                ctx.maxLive);
            ctx.log->add(ScriptError{
                ScriptErrorKind::Notice, *ctx.script, "", 0, text, 0, -1, ctx.tick, {}});
        }
        lua_pushboolean(L, 0);
        return 1;
    }
    ctx.out->spawns.push_back({uint16_t(slot), {float(x), float(y)}, hp});
    lua_pushboolean(L, 1);
    return 1;
}

// arena.burst(x, y [, "#rrggbb" [, count]]): a cosmetic particle burst
int arenaBurst(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    requireHooksPhase(L, ctx, "burst");
    const double x = checkRange(L, 1, -1e6, 1e6, "arena.burst: x");
    const double y = checkRange(L, 2, -1e6, 1e6, "arena.burst: y");
    uint32_t color = 0xffffffff;
    if (!lua_isnoneornil(L, 3)) {
        const char* c = luaL_checkstring(L, 3);
        unsigned rgb = 0;
        if (std::strlen(c) != 7 || c[0] != '#' || std::sscanf(c + 1, "%6x", &rgb) != 1)
            luaL_error(L, "arena.burst: color must be like \"#ff8800\" (got \"%s\")", c);
        color = (rgb << 8) | 0xffu;
    }
    const int count =
        lua_isnoneornil(L, 4) ? 12 : int(checkRange(L, 4, 1, 64, "arena.burst: count"));
    if (ctx.out->bursts.size() < 1000)
        ctx.out->bursts.push_back({{float(x), float(y)}, color, count});
    return 0;
}

// arena.add_score(n): n a whole number from 0 to 100000
int arenaAddScore(lua_State* L) {
    MainVm::Context& ctx = contextOf(L);
    requireHooksPhase(L, ctx, "add_score");
    const double n = checkRange(L, 1, 0, kMaxScorePerCall, "arena.add_score: n");
    if (n != std::floor(n))
        luaL_error(L, "arena.add_score: n must be a whole number (got %.14g)", n);
    ctx.out->score = addScore(ctx.out->score, int64_t(n));
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

const luaL_Reg kArenaFunctions[] = {{"spawn", arenaSpawn},
                                    {"burst", arenaBurst},
                                    {"add_score", arenaAddScore},
                                    {"player", arenaPlayer},
                                    {nullptr, nullptr}};
} // namespace

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

} // namespace scripting
