#include "engine/core/random.h"
#include "engine/world/enemy_memory.h"
#include "engine/world/world.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>

using engine::Enemy;
using engine::EnemyMemory;
using engine::ObjectId;
using engine::World;

namespace {
Enemy enemyOf(uint16_t type) {
    Enemy e;
    e.type = type;
    return e;
}
// Each enemy's memory holds its own id, so a test can see whose bytes a slot holds.
void stamp(World& w, ObjectId id) {
    uint8_t* m = w.memoryOf(*w.enemies.get(id));
    ASSERT_NE(m, nullptr);
    const uint64_t packed = engine::packObjectId(id);
    std::memcpy(m, &packed, sizeof packed);
}
uint64_t stampOf(const World& w, ObjectId id) {
    uint64_t packed = 0;
    std::memcpy(&packed, w.memoryOf(*w.enemies.get(id)), sizeof packed);
    return packed;
}
} // namespace

TEST(EnemyMemory, EachTypeHasItsOwnPoolOfItsOwnSize) {
    World w;
    w.enemyMemory.setBytes(0, 0);
    w.enemyMemory.setBytes(1, 16);
    w.enemyMemory.setBytes(2, 64);
    for (int i = 0; i < 10; ++i)
        for (uint16_t t = 0; t < 3; ++t)
            w.addEnemy(enemyOf(t));
    EXPECT_EQ(w.enemyMemory.slots(0), 10u);
    EXPECT_EQ(w.enemyMemory.slots(1), 10u);
    EXPECT_EQ(w.enemyMemory.bytes(1), 16u);
    EXPECT_GE(w.enemyMemory.footprint(), 10u * (16 + 64));
    EXPECT_LT(w.enemyMemory.footprint(), 2u * 10u * (16 + 64) + 64) << "a type without memory "
                                                                       "stores none";
    for (const Enemy& e : w.enemies.dense()) {
        const uint8_t* m = w.memoryOf(e);
        if (e.type == 0) {
            EXPECT_EQ(w.enemyMemory.bytes(0), 0u);
            continue;
        }
        ASSERT_NE(m, nullptr);
        for (uint32_t b = 0; b < w.enemyMemory.bytes(e.type); ++b)
            ASSERT_EQ(m[b], 0) << "a new slot reads as zeros";
    }
}

TEST(EnemyMemory, MemoryFollowsItsEnemyThroughEveryReorderAndReuse) {
    World w;
    for (uint16_t t = 0; t < 4; ++t)
        w.enemyMemory.setBytes(t, 8 * (t + 1));
    engine::Rng rng(3);
    std::vector<ObjectId> alive;
    uint32_t live[4] = {}, peak[4] = {};
    for (int step = 0; step < 5000; ++step) {
        if (alive.empty() || rng.range(0.0f, 1.0f) < 0.6f) {
            const uint16_t type = uint16_t(rng.range(0.0f, 3.999f));
            const ObjectId id = w.addEnemy(enemyOf(type));
            stamp(w, id);
            alive.push_back(id);
            peak[type] = std::max(peak[type], ++live[type]);
        } else {
            const size_t k = size_t(rng.range(0.0f, float(alive.size()) - 0.001f));
            --live[w.enemies.get(alive[k])->type];
            ASSERT_TRUE(w.removeEnemy(alive[k]));
            alive[k] = alive.back();
            alive.pop_back();
        }
    }
    ASSERT_TRUE(w.enemyBuckets.isGrouped(w.enemies));
    std::map<std::pair<uint16_t, uint32_t>, int> owners;
    for (ObjectId id : alive) {
        EXPECT_EQ(stampOf(w, id), engine::packObjectId(id)) << "another enemy's memory";
        const Enemy& e = *w.enemies.get(id);
        const int owned = ++owners[std::make_pair(e.type, e.memorySlot)];
        EXPECT_EQ(owned, 1) << "two enemies share a slot";
    }
    for (uint16_t t = 0; t < 4; ++t) // freed slots are reused: a pool is its type's peak
        EXPECT_EQ(w.enemyMemory.slots(t), peak[t]);
}

TEST(EnemyMemory, AReusedSlotStartsAtZero) {
    World w;
    w.enemyMemory.setBytes(0, 8);
    const ObjectId a = w.addEnemy(enemyOf(0));
    stamp(w, a);
    const uint32_t slot = w.enemies.get(a)->memorySlot;
    ASSERT_TRUE(w.removeEnemy(a));
    const ObjectId b = w.addEnemy(enemyOf(0));
    EXPECT_EQ(w.enemies.get(b)->memorySlot, slot) << "last freed, first reused";
    EXPECT_EQ(stampOf(w, b), 0u);
}

TEST(EnemyMemory, ANewLayoutCarriesEachSlotByTheMigration) {
    World w;
    w.enemyMemory.setBytes(0, 8);
    std::vector<ObjectId> ids;
    for (int i = 0; i < 20; ++i) {
        ids.push_back(w.addEnemy(enemyOf(0)));
        stamp(w, ids.back());
    }
    // Grows to 16 bytes, the old 8 moved to the back half.
    w.enemyMemory.setBytes(0, 16, [](const uint8_t* old, uint32_t oldBytes, uint8_t* fresh) {
        ASSERT_EQ(oldBytes, 8u);
        std::memset(fresh, 0xab, 8);
        std::memcpy(fresh + 8, old, 8);
    });
    for (ObjectId id : ids) {
        const uint8_t* m = w.memoryOf(*w.enemies.get(id));
        uint64_t moved;
        std::memcpy(&moved, m + 8, 8);
        EXPECT_EQ(moved, engine::packObjectId(id));
        EXPECT_EQ(m[0], 0xab);
    }
    // Without a migration the common prefix is kept.
    w.enemyMemory.setBytes(0, 4);
    EXPECT_EQ(w.memoryOf(*w.enemies.get(ids[3]))[0], 0xab);
}

TEST(EnemyMemory, ClearingTheEnemiesFreesEverySlotAndKeepsTheSizes) {
    World w;
    w.enemyMemory.setBytes(1, 12);
    for (int i = 0; i < 50; ++i)
        w.addEnemy(enemyOf(1));
    w.clearEnemies();
    EXPECT_EQ(w.enemyMemory.slots(1), 0u);
    EXPECT_EQ(w.enemyMemory.bytes(1), 12u);
    const ObjectId id = w.addEnemy(enemyOf(1));
    EXPECT_EQ(w.enemies.get(id)->memorySlot, 0u);
}

TEST(EnemyMemory, AFullMapGivesTheSlotBack) {
    World w;
    w.enemies = engine::SlotMap<Enemy>(2);
    w.enemyMemory.setBytes(0, 4);
    w.addEnemy(enemyOf(0));
    w.addEnemy(enemyOf(0));
    EXPECT_TRUE(w.addEnemy(enemyOf(0)).isNull());
    EXPECT_EQ(w.enemyMemory.slots(0), 3u);
    w.addEnemy(enemyOf(0)); // still full: the slot given back is taken and given back again
    EXPECT_EQ(w.enemyMemory.slots(0), 3u);
    EXPECT_EQ(w.memoryOf(enemyOf(0)), nullptr) << "an enemy without a slot has no memory";
}

TEST(EnemyMemory, ASlotGivenBackTwiceIsHandedOutOnce) {
    EnemyMemory memory;
    memory.setBytes(0, 4);
    const uint32_t a = memory.allocate(0);
    memory.release(0, a);
    memory.release(0, a);  // twice: ignored
    memory.release(0, 99); // never handed out: ignored
    const uint32_t b = memory.allocate(0), c = memory.allocate(0);
    EXPECT_EQ(b, a);
    EXPECT_NE(c, a) << "the slot given back twice went to two owners";
    EXPECT_TRUE(memory.live(0, b));
    EXPECT_TRUE(memory.live(0, c));
}
