#include "game/sim/waves.h"

#include <gtest/gtest.h>

TEST(Waves, SpawnAtTheEdgesAndGrowWaveByWave) {
    game::Waves waves;
    engine::Rng rng(1);
    std::vector<game::SpawnRequest> out;
    const glm::vec2 size(1600, 900);
    int firstWaveSpawns = 0;
    for (int t = 0; t < 2000 && waves.wave() <= 1; ++t) {
        out.clear();
        waves.update(0, 4, size, rng, out); // the field is always clear: waves follow each other
        if (waves.wave() == 1)
            firstWaveSpawns += int(out.size());
        for (const game::SpawnRequest& s : out) {
            const bool outside = s.position.x < 0 || s.position.y < 0 || s.position.x > size.x ||
                                 s.position.y > size.y;
            EXPECT_TRUE(outside) << s.position.x << "," << s.position.y;
            EXPECT_LT(s.type, 4);
        }
    }
    EXPECT_EQ(firstWaveSpawns, 5 + 3);
    EXPECT_EQ(waves.wave(), 2);
}

TEST(Waves, NextWaveWaitsForTheFieldToClear) {
    // The first wave starts on a crowded field (a stress floor), the second waits for it to clear.
    game::Waves waves;
    engine::Rng rng(2);
    std::vector<game::SpawnRequest> out;
    for (int t = 0; t < 1000; ++t)
        waves.update(100, 4, {1600, 900}, rng, out); // a crowded field
    EXPECT_EQ(waves.wave(), 1);
}
