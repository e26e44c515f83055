#include "engine/core/random.h"
#include "engine/core/slot_map.h"

#include <gtest/gtest.h>

#include <map>

using engine::ObjectId;
using engine::SlotMap;

TEST(SlotMap, ReuseBumpsTheGeneration) {
    SlotMap<int> map;
    const ObjectId a = map.create(1);
    ASSERT_TRUE(map.destroy(a));
    const ObjectId b = map.create(2);
    EXPECT_EQ(b.index, a.index);
    EXPECT_NE(b.generation, a.generation);
}

TEST(SlotMap, StaleHandlesAreRejectedNeverResolvedToTheNewObject) {
    SlotMap<int> map;
    const ObjectId a = map.create(1);
    map.destroy(a);
    const ObjectId b = map.create(2);
    EXPECT_EQ(map.get(a), nullptr);
    EXPECT_FALSE(map.contains(a));
    EXPECT_FALSE(map.destroy(a)); // and destroying through it does not kill b
    ASSERT_NE(map.get(b), nullptr);
    EXPECT_EQ(*map.get(b), 2);
}

TEST(SlotMap, NullAndOutOfRangeIdsResolveToNothing) {
    SlotMap<int> map;
    map.create(5);
    EXPECT_EQ(map.get(engine::kNullObjectId), nullptr);
    EXPECT_EQ(map.get(ObjectId{1000, 1}), nullptr);
    EXPECT_EQ(map.get(ObjectId{0, 0}), nullptr);
}

TEST(SlotMap, ClearKeepsOldIdsStale) {
    SlotMap<int> map;
    const ObjectId a = map.create(1);
    map.clear();
    EXPECT_TRUE(map.empty());
    const ObjectId b = map.create(2);
    EXPECT_EQ(map.get(a), nullptr);
    EXPECT_NE(map.get(b), nullptr);
}

// Random create/destroy sequences checked against a std::map model: every live id resolves to its
// own value, every dead id to nothing, and dense storage holds exactly the live values.
TEST(SlotMap, MatchesAModelUnderRandomChurn) {
    SlotMap<uint64_t> map;
    std::map<uint64_t, uint64_t> live; // packed id -> value
    std::vector<ObjectId> dead;
    engine::Rng rng(7);
    for (uint64_t step = 0; step < 20000; ++step) {
        if (live.empty() || rng.unit() < 0.55f) {
            const ObjectId id = map.create(step);
            ASSERT_EQ(live.count(engine::packObjectId(id)), 0u);
            live[engine::packObjectId(id)] = step;
        } else {
            auto it = live.begin();
            std::advance(it, rng.below(uint32_t(live.size())));
            const ObjectId id = engine::unpackObjectId(it->first);
            ASSERT_TRUE(map.destroy(id));
            dead.push_back(id);
            live.erase(it);
        }
    }
    ASSERT_EQ(map.size(), live.size());
    for (const auto& [packed, value] : live) {
        const uint64_t* v = map.get(engine::unpackObjectId(packed));
        ASSERT_NE(v, nullptr);
        EXPECT_EQ(*v, value);
    }
    for (ObjectId id : dead) {
        if (!live.count(engine::packObjectId(id))) {
            EXPECT_EQ(map.get(id), nullptr);
        }
    }
    for (size_t i = 0; i < map.size(); ++i)
        EXPECT_EQ(live.at(engine::packObjectId(map.idAt(i))), map.dense()[i]);
}

TEST(SlotMap, SwappingDenseValuesKeepsEveryIdOnItsValue) {
    SlotMap<int> map;
    const ObjectId a = map.create(10), b = map.create(20), c = map.create(30);
    map.swapDense(0, 2);
    EXPECT_EQ(map.dense()[0], 30);
    EXPECT_EQ(*map.get(a), 10);
    EXPECT_EQ(*map.get(c), 30);
    EXPECT_EQ(map.denseIndexOf(a), 2);
    EXPECT_EQ(map.idAt(0), c);
    map.swapDense(1, 1);
    EXPECT_EQ(*map.get(b), 20);
    ASSERT_TRUE(map.destroy(c)); // the swap left the bookkeeping destroy relies on intact
    EXPECT_EQ(*map.get(a), 10);
    EXPECT_EQ(map.size(), 2u);
}

TEST(SlotMap, PastItsCapacityCreateRefusesAndIdsNeverAlias) {
    SlotMap<int> map(100);
    std::vector<ObjectId> ids;
    for (int i = 0; i < 100; ++i)
        ids.push_back(map.create(i));
    EXPECT_TRUE(map.create(100).isNull()) << "full: no id, nothing stored";
    EXPECT_EQ(map.size(), 100u);
    ASSERT_TRUE(map.destroy(ids[42]));
    const ObjectId again = map.create(7); // a freed slot is reused, with a new generation
    ASSERT_FALSE(again.isNull());
    EXPECT_EQ(map.get(ids[42]), nullptr);
    EXPECT_EQ(*map.get(again), 7);
    for (int i = 0; i < 100; ++i) {
        if (i != 42) {
            EXPECT_EQ(*map.get(ids[size_t(i)]), i);
        }
    }
}
