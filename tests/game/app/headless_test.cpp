// Runs the real arena binary the way a user or CI does, and reads its --stats-json.
#include "game/temp_paths.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {
const std::string kArena = std::string(ARENA_BINARY_DIR) + "/arena";

nlohmann::json runHeadless(const std::string& args, const std::string& tag) {
    const auto json = testing_support::processTempPath("arena_headless_" + tag + ".json");
    std::filesystem::remove(json);
    const std::string cmd =
        kArena + " --headless " + args + " --stats-json " + json.string() + " > /dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::ifstream in(json);
    EXPECT_TRUE(in) << "no stats json from: " << cmd;
    nlohmann::json j;
    if (in)
        in >> j;
    std::filesystem::remove(json); // named for this process: would pile up
    return j;
}
} // namespace

TEST(Headless, SummarySpawnsKillsAndAccountsForEveryEnemy) {
    const auto j = runHeadless("--ticks 2400 --seed 3", "summary");
    ASSERT_FALSE(j.is_null());
    EXPECT_EQ(j["ticks"], 2400);
    EXPECT_GT(j["spawned"].get<int>(), 10);
    EXPECT_GT(j["killed"].get<int>(), 5);
    EXPECT_EQ(j["spawned"].get<int>(),
              j["live_objects"]["enemies"].get<int>() + j["destroyed"].get<int>());
    for (const char* phase : {"input", "snapshot", "think", "apply", "resolve", "hooks", "commit"})
        EXPECT_TRUE(j["phase_ms"].contains(phase)) << phase;
    EXPECT_EQ(j["world_hash"].get<std::string>().size(), 16u);
    EXPECT_EQ(j["main_vm"]["registry_refs"], j["main_vm"]["identities"]);
    EXPECT_GT(j["main_vm"]["hook_calls"].get<int>(), 0);
    EXPECT_TRUE(j["main_vm"]["director"].get<bool>());
}

TEST(Headless, SameSeedSameWorldHashAcrossProcesses) {
    const auto a = runHeadless("--ticks 900 --seed 77 --enemies 200", "a");
    const auto b = runHeadless("--ticks 900 --seed 77 --enemies 200", "b");
    const auto c = runHeadless("--ticks 900 --seed 78 --enemies 200", "c");
    EXPECT_EQ(a["world_hash"], b["world_hash"]);
    EXPECT_NE(a["world_hash"], c["world_hash"]);
}

TEST(Headless, PoolSizeDoesNotChangeTheWorld) {
    const auto one = runHeadless("--ticks 600 --seed 11 --enemies 3000 --pool 1", "pool1");
    const auto two = runHeadless("--ticks 600 --seed 11 --enemies 3000 --pool 2", "pool2");
    const auto four = runHeadless("--ticks 600 --seed 11 --enemies 3000 --pool 4", "pool4");
    ASSERT_EQ(one["pool"].size(), 1u);
    ASSERT_EQ(two["pool"].size(), 2u);
    ASSERT_EQ(four["pool"].size(), 4u);
    EXPECT_EQ(one["world_hash"], two["world_hash"]);
    EXPECT_EQ(one["world_hash"], four["world_hash"]);
    EXPECT_EQ(one["errors"], 0);
    // Every VM took a share of the work, and the entities they ran add up.
    uint64_t entities = 0;
    for (const auto& vm : four["pool"]) {
        EXPECT_GT(vm["batches"].get<uint64_t>(), 0u);
        entities += vm["entities"].get<uint64_t>();
    }
    uint64_t entitiesOne = one["pool"][0]["entities"].get<uint64_t>();
    EXPECT_EQ(entities, entitiesOne);
}

TEST(Headless, PoolSizeDoesNotChangeACrowdedWorld) {
    // Enough enemies that the snapshot, grid rebuild and apply split into parts on the pool
    // (engine::partsFor): their join order must not depend on the number of threads.
    const auto one = runHeadless("--ticks 60 --seed 12 --enemies 20000 --pool 1", "crowd1");
    const auto two = runHeadless("--ticks 60 --seed 12 --enemies 20000 --pool 2", "crowd2");
    const auto three = runHeadless("--ticks 60 --seed 12 --enemies 20000 --pool 3", "crowd3");
    ASSERT_GE(one["live_objects"]["enemies"].get<uint64_t>(), 19000u);
    EXPECT_EQ(one["world_hash"], two["world_hash"]);
    EXPECT_EQ(one["world_hash"], three["world_hash"]);
}

TEST(Headless, BadFlagsExitNonZero) {
    EXPECT_NE(std::system((kArena + " --headless --ticks nope 2> /dev/null").c_str()), 0);
    EXPECT_NE(std::system((kArena + " --frobnicate 2> /dev/null").c_str()), 0);
    EXPECT_NE(std::system((kArena + " --headless --pool 0 2> /dev/null").c_str()), 0);
}

TEST(Headless, ADirectoryOrABinaryFileAmongTheScriptsIsReportedAndTheGameRuns) {
    namespace fs = std::filesystem;
    const fs::path root = testing_support::processTempPath("arena_bad_inputs");
    fs::remove_all(root);
    fs::copy(std::string(ARENA_SOURCE_DIR) + "/scripts", root, fs::copy_options::recursive);
    fs::create_directories(root / "enemies" / "folder.lua");
    std::ofstream(root / "enemies" / "binary.lua", std::ios::binary) << std::string("\x7f"
                                                                                    "ELF\0\0\x01",
                                                                                    7);
    std::ofstream(root / "enemies" / "bytecode.lua", std::ios::binary)
        << std::string("\x1bLJ\x02\x00", 5);
    const std::string log = testing_support::processTempPath("arena_bad_inputs.log").string();
    const std::string cmd = kArena + " --headless --ticks 600 --scripts " + root.string() + " 2> " +
                            log + " > /dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << "the game runs with the good scripts";
    std::ifstream in(log);
    const std::string err((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(err.find("folder.lua: is a directory, not a script"), std::string::npos) << err;
    EXPECT_NE(err.find("binary.lua: is a binary file, not Lua source"), std::string::npos) << err;
    EXPECT_NE(err.find("bytecode.lua: is Lua bytecode"), std::string::npos) << err;
    fs::remove_all(root);
    fs::remove(log);
}

TEST(Headless, SoakPassesItsOwnChecks) {
    const auto j = [] {
        const auto json = testing_support::processTempPath("arena_soak_test.json");
        const std::string cmd = kArena + " --headless --soak --ticks 6000 --stats-json " +
                                json.string() + " > /dev/null 2>&1";
        EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
        std::ifstream in(json);
        nlohmann::json out;
        if (in)
            in >> out;
        std::filesystem::remove(json);
        return out;
    }();
    ASSERT_FALSE(j.is_null());
    EXPECT_TRUE(j["soak"]["refs_match"].get<bool>());
    EXPECT_TRUE(j["soak"]["accounted"].get<bool>());
    EXPECT_TRUE(j["soak"]["flat"].get<bool>())
        << "Lua memory " << j["soak"]["memory_kb_quarter"] << " KiB at a quarter, "
        << j["soak"]["memory_kb_end"] << " KiB at the end";
    EXPECT_GE(j["soak"]["reloads"].get<int>(), 3);
    EXPECT_GE(j["soak"]["reloads_refused"].get<int>(), 2)
        << "the broken and hostile versions were tried";
    EXPECT_EQ(j["soak"]["wrong_outcomes"].get<int>(), 0)
        << "every version went live or was refused as it should";
    EXPECT_EQ(j["main_vm"]["registry_refs"], j["main_vm"]["identities"]);
}

TEST(Headless, AScriptsOwnTextNeverBreaksTheStatsJson) {
    // A type's name is a script's own bytes (here not UTF-8); the JSON writer refused them and
    // the run ended in an uncaught exception once finished rounds were reported by name.
    const auto dir = testing_support::processTempPath("arena_headless_bytes");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::filesystem::copy(std::string(ARENA_SOURCE_DIR) + "/scripts", dir / "scripts",
                          std::filesystem::copy_options::recursive);
    const auto chaser = dir / "scripts" / "enemies" / "chaser.lua";
    std::string text;
    {
        std::ifstream in(chaser);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::string from = "name = \"Chaser\"";
    ASSERT_NE(text.find(from), std::string::npos);
    text.replace(text.find(from), from.size(), "name = \"Ch\\255aser\"");
    { std::ofstream(chaser) << text; }
    const auto j =
        runHeadless("--ticks 20000 --seed 1 --scripts " + (dir / "scripts").string(), "bytes");
    size_t chasersKilled = 0;
    for (const auto& round : j.value("finished_rounds", nlohmann::json::array()))
        chasersKilled += round["kills"].value("chaser", 0u);
    EXPECT_GT(chasersKilled, 0u) << "no round ended with chasers killed: the test proves nothing";
    std::filesystem::remove_all(dir);
}
