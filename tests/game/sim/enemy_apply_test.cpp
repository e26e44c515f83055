// EnemyApply runs inside the think phase (each range as its thinks return) or after it: the world
// must come out the same, bit for bit, on any pool, with enemies faulting along the way.
#include "game/app/game_setup.h"
#include "game/sim/game.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {
// The shipped scripts and one that faults a few of its enemies each tick (they then idle, and
// are applied after the phase), in a folder of their own.
struct Scripts {
    fs::path root = fs::temp_directory_path() / ("arena_apply_" + std::to_string(::getpid()));
    Scripts() {
        fs::remove_all(root);
        fs::copy(std::string(ARENA_SOURCE_DIR) + "/scripts", root, fs::copy_options::recursive);
        std::ofstream(root / "enemies" / "faulty.lua", std::ios::binary) << R"(
return {
  name = "Faulty", hp = 3, speed = 90, radius = 10, color = "#30c0ff", score = 5,
  think = function(self, world)
    if self.rand < 0.002 then error("a rare fault") end
    return world.player_x - self.x, world.player_y - self.y, self.rand < 0.1, 1, 0
  end,
})";
    }
    ~Scripts() { fs::remove_all(root); }
};

std::vector<uint64_t> hashes(const Scripts& scripts, int pool, bool inThink) {
    game::AppOptions o;
    o.scriptsDir = scripts.root.string();
    o.pool = pool;
    o.enemies = 3000;
    std::string error;
    game::GameSession session = game::makeGame(o, true, &error);
    EXPECT_TRUE(session.game) << error;
    std::vector<uint64_t> out;
    if (!session.game)
        return out;
    session.think->errors().setOnNewEntry(nullptr);
    session.game->setApplyInThink(inThink);
    for (int t = 1; t <= 400; ++t) {
        session.game->step(nullptr);
        if (t % 20 == 0)
            out.push_back(session.game->worldHash());
    }
    EXPECT_GT(session.think->errors().total(), 0u) << "the faulty script never faulted";
    return out;
}
} // namespace

TEST(EnemyApply, InsideTheThinkPhaseOrAfterItTheWorldIsTheSame) {
    Scripts scripts;
    const std::vector<uint64_t> reference = hashes(scripts, 1, false);
    ASSERT_EQ(reference.size(), 20u);
    for (int pool : {1, 2, 3})
        EXPECT_EQ(hashes(scripts, pool, true), reference) << "pool " << pool;
}
