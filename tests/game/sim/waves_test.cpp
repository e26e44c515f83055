#include "game/sim/waves.h"

#include <gtest/gtest.h>

namespace {
const std::vector<uint16_t> kByStrength{2, 0, 3, 1};
const std::vector<int> kGroups{1, 1, 1, 1};
} // namespace

TEST(Waves, SpawnAtTheEdgesAndGrowWaveByWave) {
    game::Waves waves;
    engine::Rng rng(1);
    std::vector<game::SpawnRequest> out;
    const glm::vec2 size(1600, 900);
    int firstWaveSpawns = 0;
    for (int t = 0; t < 2000 && waves.wave() <= 1; ++t) {
        out.clear();
        waves.update(0, kByStrength, kGroups, size, rng,
                     out); // the field is always clear: waves follow each other
        if (waves.wave() == 1)
            firstWaveSpawns += int(out.size());
        for (const game::SpawnRequest& s : out) {
            // Groups gather around a point just outside an edge: never in the arena's interior.
            const float m = 80.0f;
            const bool nearEdge = s.position.x < m || s.position.y < m ||
                                  s.position.x > size.x - m || s.position.y > size.y - m;
            EXPECT_TRUE(nearEdge) << s.position.x << "," << s.position.y;
            if (waves.wave() == 1) {
                EXPECT_EQ(s.type, 2) << "wave 1 has only the weakest type";
            }
        }
    }
    EXPECT_EQ(firstWaveSpawns, 8 + 5);
    EXPECT_EQ(waves.wave(), 2);
}

TEST(Waves, NextWaveWaitsForTheFieldToClear) {
    // The first wave starts on a crowded field (a stress floor), the second waits for it to clear.
    game::Waves waves;
    engine::Rng rng(2);
    std::vector<game::SpawnRequest> out;
    for (int t = 0; t < 1000; ++t)
        waves.update(100, kByStrength, kGroups, {1600, 900}, rng, out); // a crowded field
    EXPECT_EQ(waves.wave(), 1);
}
