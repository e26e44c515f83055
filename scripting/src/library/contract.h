#pragma once
// The enemy script contract: the fields of the table an enemy script returns, their types, ranges
// and defaults. One table for everyone: the trusted Lua checks a script against it
// (library/lua/contract.lua gets it as ctx.contract), C++ checks again when it converts the values
// (every double-to-float or -int conversion of a script value is range-checked), and the LuaLS
// annotations check and the README are written from it.
#include "scripting/enemy_script.h"

#include <string>

struct lua_State;

namespace scripting {

enum class ContractType { String, Number, Color, Table, Function };

struct ContractField {
    const char* name;
    ContractType type;
    bool required;
    double min, max;     // numbers: the inclusive range
    bool whole;          // numbers: must be a whole number
    double defaultValue; // numbers that are not required
};

inline constexpr ContractField kEnemyContract[] = {
    {"name", ContractType::String, true, 1, 64, false, 0}, // string: length range
    {"hp", ContractType::Number, true, 0.01, 1e6, false, 0},
    {"speed", ContractType::Number, true, 0, 2000, false, 0},
    {"radius", ContractType::Number, true, 0.5, 200, false, 0},
    {"color", ContractType::Color, true, 0, 0, false, 0},
    {"score", ContractType::Number, true, 0, 1e6, true, 0},
    {"contact_damage", ContractType::Number, false, 0, 1e6, false, 10},
    {"fire_interval", ContractType::Number, false, 0, 36000, true, 0}, // ticks between shots
    {"bullet_speed", ContractType::Number, false, 1, 5000, false, 420},
    {"bullet_damage", ContractType::Number, false, 0, 1e6, false, 8},
    {"memory", ContractType::Table, false, 0, 0, false, 0},
    {"think", ContractType::Function, true, 0, 0, false, 0},
};
inline constexpr const char* kEnemyHooks[] = {"on_spawn", "on_hit", "on_death"};

/// Pushes the contract as a Lua table (for ctx.contract).
void pushContract(lua_State* L);

/// Reads the description table the trusted Lua built from a checked script (at `index`): plain
/// values only, read raw. Checks every number against its range again before converting it.
bool readEnemyDescription(lua_State* L, int index, EnemyScriptInfo* info, std::string* error);

} // namespace scripting
