#pragma once
// Test helpers for the scripting tests: a scripts folder written to a temporary directory, and a
// small world whose snapshot (grid, per-tick randoms) is built the way Game builds it.
#include "engine/core/random.h"
#include "engine/world/intent.h"
#include "engine/world/world.h"

#include <cstring>
#include <filesystem>
#include <unistd.h>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace testing_support {

class TempScripts {
public:
    explicit TempScripts(const std::map<std::string, std::string>& files = {}) {
        static int counter = 0;
        m_root = std::filesystem::temp_directory_path() /
                 ("arena_scripts_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::remove_all(m_root);
        for (const auto& [path, text] : files)
            write(path, text);
        std::filesystem::create_directories(m_root / "enemies");
    }
    ~TempScripts() { std::filesystem::remove_all(m_root); }
    void write(const std::string& path, const std::string& text) const {
        const auto full = m_root / path;
        std::filesystem::create_directories(full.parent_path());
        std::ofstream(full, std::ios::binary) << text;
    }
    std::string root() const { return m_root.string(); }

private:
    std::filesystem::path m_root;
};

/// Reads a fixture from tests/scripting/lua/.
inline std::string fixture(const std::string& name) {
    std::ifstream in(std::string(ARENA_SOURCE_DIR) + "/tests/scripting/lua/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// Reads a file of the repository (e.g. a shipped script) as a fixture.
inline std::string fixtureFromRepo(const std::string& path) {
    std::ifstream in(std::string(ARENA_SOURCE_DIR) + "/" + path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string repoScripts() { return std::string(ARENA_SOURCE_DIR) + "/scripts"; }

struct TestWorld {
    engine::World world;
    std::vector<engine::Intent> intents;
    uint64_t seed = 1;

    TestWorld() {
        world.enemyGrid.configure(world.size, 64.0f);
        world.player.position = world.size * 0.5f;
    }
    engine::ObjectId add(uint16_t type, glm::vec2 position, float speed = 100.0f) {
        engine::Enemy e;
        e.type = type;
        e.position = position;
        e.speed = speed;
        e.hp = e.maxHp = 3.0f;
        const engine::ObjectId id = world.enemies.create(e);
        world.enemies.dense().back().id = id;
        return id;
    }
    /// What Game does before think: next tick, randoms, grid.
    void snapshot() {
        ++world.tick;
        auto enemies = world.enemies.dense();
        world.enemyPositions.resize(enemies.size());
        for (size_t i = 0; i < enemies.size(); ++i) {
            world.enemyPositions[i] = enemies[i].position;
            const uint64_t stream = engine::packObjectId(enemies[i].id);
            enemies[i].random[0] = engine::unitFloat(engine::hashRandom(seed, stream, world.tick * 2));
            enemies[i].random[1] = engine::unitFloat(engine::hashRandom(seed, stream, world.tick * 2 + 1));
        }
        world.enemyGrid.rebuild(world.enemyPositions);
        intents.resize(enemies.size());
    }
    /// What Game's apply does with memory: keep next tick's memory.
    void keepMemory(uint32_t memorySize) {
        auto enemies = world.enemies.dense();
        for (size_t i = 0; i < enemies.size(); ++i)
            if (intents[i].hasMemory)
                std::memcpy(enemies[i].memory, intents[i].memory, memorySize);
    }
};

} // namespace testing_support
