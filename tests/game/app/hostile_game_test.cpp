// The hostile corpus (tests/scripting/sandbox/hostile/) in a running game, in each role a script
// can have: an enemy's think, a hook (on_spawn), the director, and a live reload over a good
// version. Whatever the script does, the game finishes its ticks, every enemy is accounted for
// (spawned == live + destroyed), only the guilty script is blamed, and a canary enemy type that
// checks the libraries on every think never fails.
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
const fs::path kHostile = fs::path(ARENA_SOURCE_DIR) / "tests/scripting/sandbox/hostile";

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Checks the libraries every think; an honest neighbour of every hostile script.
const char* kCanary = R"(
return { name = "Canary", hp = 1000000, speed = 10, radius = 8, color = "#00ff00", score = 0,
  memory = { ticks = "int" },
  think = function(self, world, mem)
    assert(math.floor(2.5) == 2 and string.rep("a", 3) == "aaa" and ("x"):upper() == "X" and
           table.concat({ 1, 2 }) == "12" and type(pcall) == "function" and bit.band(3, 1) == 1 and
           select("#", 1, 2) == 2 and tostring(12) == "12", "the libraries were tampered with")
    mem.ticks = mem.ticks + 1
    return 1, 0
  end }
)";

const char* kGood = R"(
return { name = "Hostile", hp = 3, speed = 10, radius = 10, color = "#ff0000", score = 1,
  think = function(self, world) return 0, 0 end }
)";

// The hostile chunk as the body of a function, on the same lines as in its file.
std::string asFunction(const std::string& source) {
    return "local function hostile(...) " + source + "\nend ";
}

std::string asEnemy(const std::string& source) {
    return "return { name = 'Hostile', hp = 3, speed = 10, radius = 10, color = '#ff0000', score = "
           "1, "
           "think = function(self, world, mem) " +
           asFunction(source) + "hostile() return 0, 0 end }\n";
}

std::string asHook(const std::string& source) {
    return "return { name = 'Hostile', hp = 3, speed = 10, radius = 10, color = '#ff0000', score = "
           "1, "
           "think = function() return 0, 0 end, on_spawn = function(self) " +
           asFunction(source) + "hostile() end }\n";
}

std::string asDirector(const std::string& source) {
    return "return { update = function(state, info) " + asFunction(source) + "hostile() end }\n";
}

enum class Role { Enemy, Hook, Director, Reload };
const char* roleName(Role r) {
    switch (r) {
    case Role::Enemy: return "enemy";
    case Role::Hook: return "hook";
    case Role::Director: return "director";
    case Role::Reload: return "reload";
    }
    return "?";
}

struct Arena {
    fs::path root;
    game::GameSession session;
    std::unique_ptr<game::LiveScripts> live;

    Arena() {
        static int counter = 0;
        root = fs::temp_directory_path() /
               ("arena_hostile_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::remove_all(root);
        fs::create_directories(root / "enemies");
        fs::create_directories(root / "lib");
        for (const auto& entry : fs::directory_iterator(kHostile / "lib"))
            fs::copy_file(entry.path(), root / "lib" / entry.path().filename());
    }
    ~Arena() {
        live.reset();
        session = {};
        fs::remove_all(root);
    }
    void write(const std::string& rel, const std::string& text) const {
        std::ofstream(root / rel, std::ios::binary) << text;
    }
    bool start() {
        game::AppOptions o;
        o.scriptsDir = root.string();
        o.pool = 2;
        o.vmMemoryMb = 16; // memory bombs reach the cap fast
        std::string error;
        session = game::makeGame(o, true, &error);
        EXPECT_TRUE(session.game) << error;
        if (!session.game)
            return false;
        session.think->errors().setOnNewEntry(
            nullptr); // the errors are expected: keep the log quiet
        live = std::make_unique<game::LiveScripts>(session, root.string(), false);
        return true;
    }
    int slot(const std::string& key) const {
        const auto& s = session.think->scripts();
        for (size_t i = 0; i < s.size(); ++i)
            if (s[i].key == key)
                return int(i);
        return -1;
    }
    void step(int ticks, bool spawnHostile) {
        const game::PlayerCommand idle{};
        for (int t = 0; t < ticks; ++t) {
            if (spawnHostile && slot("hostile") >= 0)
                session.game->queueSpawns(uint16_t(slot("hostile")), 2);
            session.game->step(&idle);
        }
    }
};

void playRole(const fs::path& file, Role role) {
    const std::string source = readFile(file);
    const std::string what = file.filename().string() + " as " + roleName(role);
    Arena a;
    a.write("enemies/canary.lua", kCanary);
    switch (role) {
    case Role::Enemy: a.write("enemies/hostile.lua", asEnemy(source)); break;
    case Role::Hook: a.write("enemies/hostile.lua", asHook(source)); break;
    case Role::Director: a.write("director.lua", asDirector(source)); break;
    case Role::Reload: a.write("enemies/hostile.lua", kGood); break;
    }
    if (!a.start())
        return;
    // Errors from here on are the hostile script's doing (the lib folder's broken modules were
    // reported when the scripts were read).
    const size_t before = a.session.think->errors().entries().size();
    const int canary = a.slot("canary");
    ASSERT_GE(canary, 0) << what;
    a.session.game->queueSpawns(uint16_t(canary), 3);
    a.step(2, role != Role::Director);
    if (role == Role::Reload) {
        a.write("enemies/hostile.lua", asEnemy(source));
        a.live->reloadNow("enemies/hostile.lua");
    }
    a.step(6, role != Role::Director);

    const game::Game& g = *a.session.game;
    EXPECT_EQ(g.counters().spawned, g.world().enemies.size() + g.counters().destroyed) << what;
    const std::string guilty = role == Role::Director ? "director" : "hostile";
    const auto& entries = a.session.think->errors().entries();
    for (size_t i = before; i < entries.size(); ++i) {
        const scripting::ScriptError& e = entries[i].first;
        EXPECT_EQ(e.script, guilty) << what << ": blamed " << e.script << ": " << e.message;
        const bool ownFile =
            e.file.empty() || e.file.rfind("lib/", 0) == 0 ||
            e.file == (role == Role::Director ? "director.lua" : "enemies/hostile.lua");
        EXPECT_TRUE(ownFile) << what << ": filed under " << e.file << ": " << e.message;
    }
    // The canary thought every tick, with intact libraries.
    int canaries = 0;
    for (const engine::Enemy& e : g.world().enemies.dense()) {
        if (e.type != canary)
            continue;
        ++canaries;
        EXPECT_EQ(e.flags & engine::kEnemyFaulted, 0) << what;
        int32_t ticks = 0;
        std::memcpy(&ticks, g.world().memoryOf(e), sizeof ticks);
        EXPECT_GE(ticks, 5) << what;
    }
    EXPECT_EQ(canaries, 3) << what;
}
} // namespace

class HostileGame : public testing::TestWithParam<std::string> {};

TEST_P(HostileGame, TheGameGoesOnInEveryRole) {
    int files = 0;
    for (const auto& entry : fs::directory_iterator(kHostile / GetParam())) {
        for (Role role : {Role::Enemy, Role::Hook, Role::Director, Role::Reload})
            playRole(entry.path(), role);
        ++files;
    }
    EXPECT_GE(files, 3);
}

INSTANTIATE_TEST_SUITE_P(Categories, HostileGame,
                         testing::Values("globals", "escapes", "tampering", "string_metatable",
                                         "bytecode", "require_traversal", "library_bombs",
                                         "cstack_recursion", "endless_loops", "memory_bombs",
                                         "error_objects", "library_work", "rep_bypass",
                                         "require_cycles", "host_cap", "blame"),
                         [](const testing::TestParamInfo<std::string>& param) {
                             return param.param;
                         });

// Contract attacks as live reloads over a good version: refused ones leave the good version
// running; the game goes on either way.
TEST(HostileGame, ContractAttacksReloadedLive) {
    int files = 0;
    for (const auto& entry : fs::directory_iterator(kHostile / "contracts")) {
        const std::string what = entry.path().filename().string();
        Arena a;
        a.write("enemies/canary.lua", kCanary);
        a.write("enemies/hostile.lua", kGood);
        ASSERT_TRUE(a.start());
        const size_t before = a.session.think->errors().entries().size();
        a.session.game->queueSpawns(uint16_t(a.slot("canary")), 3);
        a.step(2, true);
        const std::string source = readFile(entry.path());
        a.write("enemies/hostile.lua", source);
        a.live->reloadNow("enemies/hostile.lua");
        a.step(4, true);
        const game::Game& g = *a.session.game;
        EXPECT_EQ(g.counters().spawned, g.world().enemies.size() + g.counters().destroyed) << what;
        const bool refused = source.rfind("-- expect: error:", 0) == 0;
        for (const auto& status : a.live->statuses()) {
            if (status.key == "hostile") {
                EXPECT_EQ(!status.error.empty(), refused) << what << ": " << status.error;
            }
        }
        const auto& entries = a.session.think->errors().entries();
        for (size_t i = before; i < entries.size(); ++i)
            EXPECT_EQ(entries[i].first.script, "hostile")
                << what << ": " << entries[i].first.message;
        ++files;
    }
    EXPECT_GE(files, 15);
}
