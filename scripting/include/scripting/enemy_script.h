#pragma once
// EnemyScriptInfo: what loading an enemy script established, in plain C++ values.
#include "engine/world/enemy_type.h"
#include "scripting/memory_layout.h"

#include <string>
#include <vector>

namespace scripting {

struct EnemyScriptInfo {
    std::string key;                  // file stem: the type's id in commands and stats
    std::string chunkname;            // "enemies/chaser.lua"
    engine::EnemyType type;           // stats; type.name is the script's display name
    MemoryLayout memory;              // type.memorySize == memory.size
    bool hasHooks[3] = {};            // on_spawn, on_hit, on_death (kEnemyHooks order)
    std::vector<std::string> modules; // the lib modules it required, directly or not
    std::string note;                 // e.g. why it runs in the interpreter; empty normally
};

} // namespace scripting
