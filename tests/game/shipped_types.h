#pragma once
// The enemy types the repository's scripts/ define, loaded the way the game loads them: tests
// that look at colours or shapes read the scripts' own values rather than copies of them.
#include "scripting/think_phase.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace testing_support {

inline std::vector<engine::EnemyType> shippedEnemyTypes() {
    scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
    def.scriptsDir = std::string(ARENA_SOURCE_DIR) + "/scripts";
    def.poolSize = 1;
    std::string error;
    auto scripts = scripting::LuaThinkPhase::create(def, &error);
    EXPECT_TRUE(scripts) << error;
    return scripts ? scripts->types() : std::vector<engine::EnemyType>{};
}

} // namespace testing_support
