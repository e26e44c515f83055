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

TEST(World, TheSnapshotIsTheSameOnAnyPool) {
    World serial = populated(30000, 4), parallel = populated(30000, 4);
    serial.tick = parallel.tick = 17;
    engine::WorkerPool pool(2);
    serial.snapshot(nullptr);
    parallel.snapshot(&pool);
    ASSERT_EQ(serial.faultedEnemies, parallel.faultedEnemies);
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

// After pointsWritten, adds and removes keep the per-enemy arrays in step, and the snapshot uses
// them instead of reading every record: it must give exactly what reading every record gives.
TEST(World, ArraysKeptInStepGiveTheSnapshotReadingEveryRecordWouldGive) {
    World w = populated(20000, 8);
    engine::WorkerPool pool(2);
    engine::Rng rng(31);
    for (int tick = 1; tick <= 30; ++tick) {
        w.tick = uint64_t(tick);
        w.snapshot(&pool);
        World reference = w; // the same world, made to read every record
        reference.forgetPoints();
        reference.snapshot(&pool);
        ASSERT_EQ(w.enemyPositions, reference.enemyPositions) << "tick " << tick;
        ASSERT_EQ(w.enemyVelocities, reference.enemyVelocities) << "tick " << tick;
        ASSERT_EQ(w.faultedEnemies, reference.faultedEnemies) << "tick " << tick;
        ASSERT_EQ(std::memcmp(w.enemyGrid.itemData(), reference.enemyGrid.itemData(),
                              w.enemyGrid.itemCount() * sizeof(uint32_t)),
                  0);
        // What the apply step does: move every enemy, fault a few, write the arrays.
        auto dense = w.enemies.dense();
        size_t faulted = 0;
        for (size_t i = 0; i < dense.size(); ++i) {
            Enemy& e = dense[i];
            e.position += e.velocity * 0.1f;
            if (rng.below(500) == 0)
                e.flags |= engine::kEnemyFaulted;
            faulted += (e.flags & engine::kEnemyFaulted) ? 1 : 0;
            w.enemyPositions[i] = e.position;
            w.enemyVelocities[i] = e.velocity;
        }
        w.pointsWritten(w.tick + 1, faulted);
        // What the commit does: deaths (faulted ones too) and spawns of every type.
        for (int k = 0; k < 300; ++k) {
            const auto d = w.enemies.dense();
            w.removeEnemy(d[rng.below(uint32_t(d.size()))].id);
        }
        for (int k = 0; k < 300; ++k) {
            Enemy e;
            e.type = uint16_t(rng.below(4)); // a new type now and then
            e.position = {rng.range(0.0f, w.size.x), rng.range(0.0f, w.size.y)};
            w.addEnemy(e);
        }
    }
    EXPECT_EQ(w.snapshotsCopyingRecords, 1u) << "only the first snapshot had to read the records";
    // A change past World (a record created straight in the map) is noticed.
    Enemy stray;
    w.enemies.create(stray);
    w.tick += 1;
    w.snapshot(&pool);
    EXPECT_EQ(w.snapshotsCopyingRecords, 2u);
    EXPECT_EQ(w.enemyPositions.size(), w.enemies.size());
}
