#include "library/contract.h"

#include <lua.hpp>

#include <cmath>
#include <cstdio>
#include <string_view>

namespace scripting {

namespace {
const char* typeName(ContractType t) {
    switch (t) {
    case ContractType::String: return "string";
    case ContractType::Number: return "number";
    case ContractType::Color: return "color";
    case ContractType::Table: return "table";
    case ContractType::Function: return "function";
    }
    return "?";
}

// The number at d[key] (raw), checked against the field's range.
bool readNumber(lua_State* L, int d, const ContractField& f, double* out, std::string* error) {
    lua_getfield(L, d, f.name); // d is a plain table the trusted Lua built: no metamethods
    const bool ok = lua_type(L, -1) == LUA_TNUMBER;
    const double v = ok ? lua_tonumber(L, -1) : 0.0;
    lua_pop(L, 1);
    if (!ok || !(v >= f.min && v <= f.max) || (f.whole && v != std::floor(v))) {
        char text[160];
        std::snprintf(text, sizeof text, "%s: out of its range [%g, %g] after the contract check",
                      f.name, f.min, f.max);
        *error = text;
        return false;
    }
    *out = v;
    return true;
}
} // namespace

void pushContract(lua_State* L) {
    lua_createtable(L, int(std::size(kEnemyContract)), 0);
    int i = 0;
    for (const ContractField& f : kEnemyContract) {
        lua_createtable(L, 0, 7);
        lua_pushstring(L, f.name);
        lua_setfield(L, -2, "name");
        lua_pushstring(L, typeName(f.type));
        lua_setfield(L, -2, "type");
        lua_pushboolean(L, f.required);
        lua_setfield(L, -2, "required");
        lua_pushnumber(L, f.min);
        lua_setfield(L, -2, "min");
        lua_pushnumber(L, f.max);
        lua_setfield(L, -2, "max");
        lua_pushboolean(L, f.whole);
        lua_setfield(L, -2, "whole");
        if (f.type == ContractType::Number && !f.required) {
            lua_pushnumber(L, f.defaultValue);
            lua_setfield(L, -2, "default");
        }
        lua_rawseti(L, -2, ++i);
    }
    lua_createtable(L, int(std::size(kEnemyHooks)), 0);
    i = 0;
    for (const char* hook : kEnemyHooks) {
        lua_pushstring(L, hook);
        lua_rawseti(L, -2, ++i);
    }
    lua_setfield(L, -2, "hooks");
}

bool readEnemyDescription(lua_State* L, int d, EnemyScriptInfo* info, std::string* error) {
    if (d < 0)
        d = lua_gettop(L) + d + 1; // LuaJIT has no lua_absindex
    double v[std::size(kEnemyContract)] = {};
    for (size_t i = 0; i < std::size(kEnemyContract); ++i)
        if (kEnemyContract[i].type == ContractType::Number &&
            !readNumber(L, d, kEnemyContract[i], &v[i], error))
            return false;
    const auto number = [&v](std::string_view key) {
        for (size_t i = 0; i < std::size(kEnemyContract); ++i)
            if (key == kEnemyContract[i].name)
                return v[i];
        return 0.0;
    };
    engine::EnemyType& t = info->type;
    lua_getfield(L, d, "name");
    size_t length = 0;
    const char* name = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &length) : nullptr;
    t.name = name && length >= 1 && length <= 64 ? std::string(name, length) : info->key;
    lua_pop(L, 1);
    lua_getfield(L, d, "color");
    const double color = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : -1.0;
    lua_pop(L, 1);
    if (!(color >= 0 && color <= 4294967295.0)) {
        *error = "color: out of range after the contract check";
        return false;
    }
    t.color = uint32_t(color);
    t.hp = float(number("hp"));
    t.speed = float(number("speed"));
    t.radius = float(number("radius"));
    t.score = int(number("score"));
    t.contactDamage = float(number("contact_damage"));
    t.fireInterval = int(number("fire_interval"));
    t.bulletSpeed = float(number("bullet_speed"));
    t.bulletDamage = float(number("bullet_damage"));
    // memory: { { name = "t", type = "float" }, ... }, names and types already checked as strings
    std::vector<std::pair<std::string, std::string>> declared;
    lua_getfield(L, d, "memory");
    for (int i = 1; lua_type(L, -1) == LUA_TTABLE && i <= 64; ++i) {
        lua_rawgeti(L, -1, i);
        if (lua_type(L, -1) != LUA_TTABLE) {
            lua_pop(L, 1);
            break;
        }
        lua_getfield(L, -1, "name");
        lua_getfield(L, -2, "type");
        if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TSTRING)
            declared.emplace_back(lua_tostring(L, -2), lua_tostring(L, -1));
        lua_pop(L, 3);
    }
    lua_pop(L, 1);
    if (!buildMemoryLayout(declared, &info->memory, error))
        return false;
    t.memorySize = info->memory.size;
    lua_getfield(L, d, "hooks");
    for (size_t h = 0; h < std::size(kEnemyHooks); ++h) {
        bool has = false;
        if (lua_type(L, -1) == LUA_TTABLE) {
            lua_getfield(L, -1, kEnemyHooks[h]);
            has = !lua_isnil(L, -1);
            lua_pop(L, 1);
        }
        info->hasHooks[h] = has;
    }
    lua_pop(L, 1);
    return true;
}

} // namespace scripting
