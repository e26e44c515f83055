#include "engine/core/random.h"
#include "engine/core/worker_pool.h"
#include "engine/world/world.h"

#include <gtest/gtest.h>

#include <cstring>

using engine::Enemy;
using engine::World;

namespace {
World populated(size_t n, uint64_t seed) {
    World w;
    w.enemyGrid.configure(w.size, 64.0f);
    engine::Rng rng(seed);
    for (size_t i = 0; i < n; ++i) {
        Enemy e;
        e.type = uint16_t(rng.below(3));
        e.position = {rng.range(-40.0f, w.size.x + 40.0f), rng.range(-40.0f, w.size.y + 40.0f)};
        e.velocity = {rng.range(-50.0f, 50.0f), rng.range(-50.0f, 50.0f)};
        w.addEnemy(e);
    }
    return w;
}
} // namespace

// The randoms are a documented function of (seed, id, tick): hoisting the tick's mix must not
// change a bit of them (a recorded session replays on them).
TEST(World, TickRandomsAreTheHashOfSeedIdAndTick) {
    engine::Rng rng(9);
    for (int k = 0; k < 10000; ++k) {
        const uint64_t seed = rng.next(), tick = rng.below(1u << 30);
        const engine::ObjectId id{rng.below(1u << 24), uint32_t(rng.below(1u << 20)) + 1};
        const glm::vec2 r = engine::TickRandoms(seed, tick).of(id);
        const uint64_t stream = engine::packObjectId(id);
        ASSERT_EQ(r.x, engine::unitFloat(engine::hashRandom(seed, stream, tick * 2)));
        ASSERT_EQ(r.y, engine::unitFloat(engine::hashRandom(seed, stream, tick * 2 + 1)));
    }
}

TEST(World, TheSnapshotIsTheSameOnAnyPoolAndReadsTheRecordsInPlace) {
    World serial = populated(30000, 4), parallel = populated(30000, 4);
    serial.tick = parallel.tick = 17;
    engine::WorkerPool pool(2);
    serial.snapshot(5, nullptr);
    parallel.snapshot(5, &pool);
    ASSERT_EQ(serial.enemyRandoms.size(), serial.enemies.size());
    EXPECT_EQ(std::memcmp(serial.enemyRandoms.data(), parallel.enemyRandoms.data(),
                          serial.enemyRandoms.size() * sizeof(glm::vec2)),
              0);
    const auto dense = serial.enemies.dense();
    for (size_t i = 0; i < dense.size(); ++i) {
        ASSERT_EQ(serial.enemyGrid.positionOf(uint32_t(i)), dense[i].position);
        ASSERT_EQ(parallel.enemyGrid.positionOf(uint32_t(i)), dense[i].position);
    }
    const size_t n = serial.enemyGrid.itemCount();
    ASSERT_EQ(n, dense.size());
    EXPECT_EQ(std::memcmp(serial.enemyGrid.itemData(), parallel.enemyGrid.itemData(),
                          n * sizeof(uint32_t)),
              0);
    for (size_t k = 0; k < n; ++k) // each slot's point is its item's position and velocity
        ASSERT_EQ(serial.enemyGrid.pointData()[k].velocity,
                  dense[serial.enemyGrid.itemData()[k]].velocity);
}
