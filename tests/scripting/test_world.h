#pragma once
// Test helpers for the scripting tests: a scripts folder written to a temporary directory, and a
// small world whose snapshot (the grid) is built the way Game builds it.
#include "engine/core/random.h"
#include "engine/world/intent.h"
#include "engine/world/world.h"
#include "scripting/synthetic_world.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <unistd.h>
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
    std::ifstream in(std::string(ARENA_SOURCE_DIR) + "/tests/scripting/lua/" + name,
                     std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// Reads a file of the repository (e.g. a shipped script) as a fixture.
inline std::string fixtureFromRepo(const std::string& path) {
    std::ifstream in(std::string(ARENA_SOURCE_DIR) + "/" + path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string repoScripts() {
    return std::string(ARENA_SOURCE_DIR) + "/scripts";
}

/// A synthetic world that starts empty: tests add the enemies they need.
struct TestWorld : scripting::SyntheticWorld {
    TestWorld() : scripting::SyntheticWorld(0, 0, 100.0f) {}
    engine::ObjectId add(uint16_t type, glm::vec2 position, float speed = 100.0f) {
        engine::Enemy e;
        e.type = type;
        e.position = position;
        e.speed = speed;
        e.hp = e.maxHp = 3.0f;
        // Straight into the map, not through World::addEnemy: the think must also hold for an
        // ungrouped world. The memory slot is what addEnemy would give it.
        e.memorySlot = world.enemyMemory.allocate(type);
        const engine::ObjectId id = world.enemies.create(e);
        world.enemies.dense().back().id = id;
        return id;
    }
    /// What Game does before think: next tick, grid; and room for the intents.
    void snapshot() {
        scripting::SyntheticWorld::snapshot();
        intents.resize(world.enemies.size());
    }
    /// The memory `id`'s think reads and writes (null without one).
    uint8_t* memory(engine::ObjectId id) {
        const engine::Enemy* e = world.enemies.get(id);
        return e ? world.memoryOf(*e) : nullptr;
    }
};

} // namespace testing_support
