#pragma once
// EnemyScriptInfo: what loading an enemy script established, in plain C++ values.
#include "engine/world/enemy_type.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scripting {

struct MemoryField {
    std::string name;
    std::string type;  // "float", "double", "number", "int" or "bool", as the script wrote it
    uint32_t offset = 0;
};

struct EnemyScriptInfo {
    std::string key;        // file stem: the type's id in commands and stats
    std::string chunkname;  // "enemies/chaser.lua"
    engine::EnemyType type; // stats; type.name is the script's display name
    std::vector<MemoryField> memory;
};

} // namespace scripting
