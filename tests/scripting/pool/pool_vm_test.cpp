// PoolVm: the FFI layout agrees with C++, and every contract fixture in
// tests/scripting/lua/contract/ fails to load with the file, line and message its first line
// ("-- expect: LINE: TEXT") announces.
#include "pool/pool_vm.h"
#include "scripting/test_world.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

using namespace scripting;

namespace {
std::unique_ptr<PoolVm> makeVm(const ThinkFrame* frame) {
    std::string error;
    auto vm = PoolVm::create(frame, defaultSandboxLimits(), &error);
    EXPECT_TRUE(vm) << error;
    return vm;
}
} // namespace

TEST(PoolVm, FfiLayoutMatchesTheEngineStructs) {
    ThinkFrame frame{};
    auto vm = makeVm(&frame);
    std::map<std::string, long> ffi;
    for (const auto& [name, value] : vm->ffiLayout())
        ffi[name] = value;
    EXPECT_EQ(ffi.at("enemy_size"), long(sizeof(engine::Enemy)));
    EXPECT_EQ(ffi.at("enemy_memory_slot"), long(offsetof(engine::Enemy, memorySlot)));
    EXPECT_EQ(ffi.at("enemy_position"), long(offsetof(engine::Enemy, position)));
    EXPECT_EQ(ffi.at("enemy_spawn_tick"), long(offsetof(engine::Enemy, spawnTick)));
    EXPECT_EQ(ffi.at("intent_size"), long(sizeof(engine::Intent)));
    EXPECT_EQ(ffi.at("intent_faulted"), long(offsetof(engine::Intent, faulted)));
    EXPECT_EQ(ffi.at("memory_pool_size"), long(sizeof(ThinkMemoryPool)));
    EXPECT_EQ(ffi.at("frame_randoms"), long(offsetof(ThinkFrame, randoms)));
    EXPECT_EQ(ffi.at("frame_memory"), long(offsetof(ThinkFrame, memory)));
    EXPECT_EQ(ffi.at("frame_size"), long(sizeof(ThinkFrame)));
    EXPECT_EQ(ffi.at("frame_world"), long(offsetof(ThinkFrame, world)));
    EXPECT_EQ(ffi.at("frame_enemy_count"), long(offsetof(ThinkFrame, enemyCount)));
    EXPECT_EQ(ffi.at("frame_cell_points"), long(offsetof(ThinkFrame, cellPoints)));
    EXPECT_EQ(ffi.at("frame_cell_slot_of"), long(offsetof(ThinkFrame, cellSlotOf)));
    EXPECT_EQ(ffi.at("frame_cell_item_count"), long(offsetof(ThinkFrame, cellItemCount)));
    EXPECT_EQ(ffi.at("grid_point_size"), long(sizeof(engine::GridPoint)));
    EXPECT_EQ(ffi.at("grid_point_velocity"), long(offsetof(engine::GridPoint, velocity)));
    EXPECT_EQ(ffi.at("self_scratch_size"), long(sizeof(ThinkSelfScratch)));
    EXPECT_EQ(ffi.at("self_scratch_age"), long(offsetof(ThinkSelfScratch, age)));
    EXPECT_EQ(ffi.at("self_scratch_nb_count"), long(offsetof(ThinkSelfScratch, nb_count)));
    EXPECT_EQ(ffi.at("cursor_size"), long(sizeof(DriverCursor)));
    EXPECT_EQ(ffi.at("cursor_intents"), long(offsetof(DriverCursor, intents)));
    EXPECT_EQ(ffi.at("cursor_batch_first"), long(offsetof(DriverCursor, batchFirst)));
    EXPECT_EQ(ffi.at("budget_size"), long(sizeof(BudgetCell)));
    EXPECT_EQ(ffi.at("budget_remaining"), long(offsetof(BudgetCell, remaining)));
    EXPECT_EQ(ffi.at("budget_cstack_base"), long(offsetof(BudgetCell, cstackBase)));
}

TEST(PoolVm, ContractErrorsNameTheFileAndLine) {
    ThinkFrame frame{};
    auto vm = makeVm(&frame);
    const auto dir = std::filesystem::path(ARENA_SOURCE_DIR) / "tests/scripting/lua/contract";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        ScriptFile file;
        file.name = entry.path().stem().string();
        file.chunkname = "enemies/" + name;
        file.source = testing_support::fixture("contract/" + name);
        const std::string firstLine = file.source.substr(0, file.source.find('\n'));
        const std::string tag = "-- expect: ";
        ASSERT_EQ(firstLine.rfind(tag, 0), 0u) << name << " has no expectation line";
        const std::string expected = firstLine.substr(tag.size()); // "LINE: TEXT"
        const std::string line = expected.substr(0, expected.find(':'));
        const std::string text = expected.substr(expected.find(':') + 2);

        EnemyScriptInfo info;
        LuaFailure failure;
        EXPECT_FALSE(vm->loadEnemy(0, file, &info, &failure)) << name << " loaded";
        const std::string& error = failure.message;
        EXPECT_EQ(failure.file, "enemies/" + name) << name << ": " << error;
        EXPECT_EQ(std::to_string(failure.line), line) << name << ": " << error;
        EXPECT_EQ(error.rfind("enemies/" + name + ":" + line + ":", 0), 0u)
            << name << ": wrong position in: " << error;
        EXPECT_NE(error.find(text), std::string::npos)
            << name << ": expected '" << text << "' in: " << error;
        ++checked;
    }
    EXPECT_GE(checked, 12);
}

TEST(PoolVm, AGoodScriptLoadsWithItsStatsAndMemoryLayout) {
    ThinkFrame frame{};
    auto vm = makeVm(&frame);
    ScriptFile file{"counter", "enemies/counter.lua", "", testing_support::fixture("counter.lua")};
    EnemyScriptInfo info;
    LuaFailure failure;
    ASSERT_TRUE(vm->loadEnemy(0, file, &info, &failure)) << failure.message;
    EXPECT_EQ(info.type.name, "Counter");
    EXPECT_EQ(info.type.speed, 1000.0f);
    EXPECT_EQ(info.type.color, 0xffffffffu);
    ASSERT_EQ(info.memory.fields.size(), 2u);
    EXPECT_EQ(info.memory.fields[0].name, "last"); // name order
    EXPECT_EQ(info.memory.fields[1].name, "ticks");
    EXPECT_EQ(info.type.memorySize, 8u);
}

TEST(PoolVm, EveryShippedScriptLoads) {
    ThinkFrame frame{};
    auto vm = makeVm(&frame);
    const ScriptFiles files = readScriptFiles(testing_support::repoScripts());
    EXPECT_TRUE(files.problems.empty());
    vm->setModules(files.libs);
    ASSERT_GE(files.enemies.size(), 5u);
    for (size_t i = 0; i < files.enemies.size(); ++i) {
        EnemyScriptInfo info;
        LuaFailure failure;
        EXPECT_TRUE(vm->loadEnemy(i, files.enemies[i], &info, &failure)) << failure.message;
    }
}

TEST(PoolVm, AScriptWithAMegabyteLineLoads) {
    // The trusted code once searched the source with the script's own step-limited patterns.
    ThinkFrame frame{};
    auto vm = makeVm(&frame);
    std::string table = "local big = {";
    while (table.size() < 1200000)
        table += "1234567, ";
    table += "}";
    ScriptFile file{"big", "enemies/big.lua", "",
                    table + "\nreturn { name = 'Big', hp = 3, speed = 10, radius = 10, color = "
                            "'#ffffff', score = #big % 7,\n"
                            "  think = function() return #big, 0 end }\n"};
    EnemyScriptInfo info;
    LuaFailure failure;
    EXPECT_TRUE(vm->loadEnemy(0, file, &info, &failure)) << failure.message;
}
