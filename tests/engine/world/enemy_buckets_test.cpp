#include "engine/core/random.h"
#include "engine/world/enemy_buckets.h"

#include <gtest/gtest.h>

#include <map>

using engine::Enemy;
using engine::EnemyBuckets;
using engine::ObjectId;
using engine::SlotMap;

namespace {
Enemy enemyOf(uint16_t type, float hp) {
    Enemy e;
    e.type = type;
    e.hp = hp; // a payload the test can trace through every move
    return e;
}
} // namespace

TEST(EnemyBuckets, NewEnemiesJoinTheEndOfTheirTypesRun) {
    SlotMap<Enemy> map;
    EnemyBuckets buckets;
    for (uint16_t type : std::initializer_list<uint16_t>{2, 0, 1, 0, 2, 1, 0})
        buckets.create(map, enemyOf(type, 1.0f));
    ASSERT_TRUE(buckets.isGrouped(map));
    EXPECT_EQ(buckets.start(0), 0u);
    EXPECT_EQ(buckets.start(1), 3u);
    EXPECT_EQ(buckets.start(2), 5u);
    EXPECT_EQ(buckets.start(9), 7u);
    ASSERT_EQ(buckets.counts().size(), 3u);
    EXPECT_EQ(buckets.counts()[0], 3u);
}

TEST(EnemyBuckets, EveryIdKeepsItsOwnEnemyThroughRandomChurn) {
    SlotMap<Enemy> map;
    EnemyBuckets buckets;
    engine::Rng rng(42);
    std::map<uint64_t, float> expected; // packed id -> payload
    std::vector<ObjectId> live;
    for (int step = 0; step < 20000; ++step) {
        if (live.empty() || rng.below(100) < 55) {
            const float payload = float(step);
            const ObjectId id = buckets.create(map, enemyOf(uint16_t(rng.below(6)), payload));
            ASSERT_EQ(map.get(id)->id, id); // create writes the id into the stored enemy
            expected[engine::packObjectId(id)] = payload;
            live.push_back(id);
        } else {
            const size_t k = rng.below(uint32_t(live.size()));
            ASSERT_TRUE(buckets.destroy(map, live[k]));
            EXPECT_FALSE(buckets.destroy(map, live[k])); // stale now: nothing else dies
            expected.erase(engine::packObjectId(live[k]));
            live[k] = live.back();
            live.pop_back();
        }
        if (step % 97 == 0) {
            ASSERT_TRUE(buckets.isGrouped(map)) << "after step " << step;
        }
    }
    ASSERT_TRUE(buckets.isGrouped(map));
    ASSERT_TRUE(buckets.tracks(map));
    ASSERT_EQ(map.size(), live.size());
    for (ObjectId id : live) {
        const Enemy* e = map.get(id);
        ASSERT_NE(e, nullptr);
        EXPECT_EQ(e->hp, expected.at(engine::packObjectId(id)));
        EXPECT_EQ(e->id, id);
    }
    buckets.clear(map);
    EXPECT_TRUE(map.empty());
    EXPECT_TRUE(buckets.isGrouped(map));
}

TEST(EnemyBuckets, TheSameCallsGiveTheSameOrder) {
    const auto run = [] {
        SlotMap<Enemy> map;
        EnemyBuckets buckets;
        engine::Rng rng(7);
        std::vector<ObjectId> live;
        for (int step = 0; step < 2000; ++step) {
            if (live.empty() || rng.below(3) != 0) {
                live.push_back(buckets.create(map, enemyOf(uint16_t(rng.below(4)), float(step))));
            } else {
                const size_t k = rng.below(uint32_t(live.size()));
                buckets.destroy(map, live[k]);
                live.erase(live.begin() + std::ptrdiff_t(k));
            }
        }
        std::vector<float> order;
        for (const Enemy& e : map.dense())
            order.push_back(e.hp);
        return order;
    };
    EXPECT_EQ(run(), run());
}

TEST(EnemyBuckets, AChangeBehindItsBackIsNoticedAndNothingBreaks) {
    SlotMap<Enemy> map;
    EnemyBuckets buckets;
    const ObjectId a = buckets.create(map, enemyOf(0, 1.0f));
    const ObjectId b = buckets.create(map, enemyOf(0, 2.0f));
    EXPECT_TRUE(buckets.tracks(map));
    const ObjectId direct = map.create(enemyOf(1, 3.0f)); // not through the buckets
    map.dense().back().id = direct;
    EXPECT_FALSE(buckets.tracks(map));
    ASSERT_TRUE(map.destroy(a)); // nor this: the counts no longer describe the array
    const ObjectId c = buckets.create(map, enemyOf(0, 4.0f));
    EXPECT_FALSE(buckets.tracks(map))
        << "one of its own changes must not make it trust the map again";
    EXPECT_TRUE(buckets.destroy(map, b));
    EXPECT_TRUE(buckets.destroy(map, direct));
    ASSERT_NE(map.get(c), nullptr);
    EXPECT_EQ(map.get(c)->hp, 4.0f);
    EXPECT_EQ(map.size(), 1u);
    buckets.clear(map);
    EXPECT_TRUE(buckets.tracks(map));
    buckets.create(map, enemyOf(2, 5.0f));
    EXPECT_TRUE(buckets.tracks(map));
    EXPECT_TRUE(buckets.isGrouped(map));
}
