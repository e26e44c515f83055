#include "engine/core/handle.h"

#include <gtest/gtest.h>

#include <cmath>

using engine::ObjectId;

TEST(Handle, PackingRoundTripsAtTheLimits) {
    for (ObjectId id :
         {ObjectId{0, 1}, ObjectId{ObjectId::kMaxIndex, 1}, ObjectId{12, ObjectId::kMaxGeneration},
          ObjectId{ObjectId::kMaxIndex, ObjectId::kMaxGeneration}, ObjectId{777, 3}}) {
        EXPECT_EQ(engine::unpackObjectId(engine::packObjectId(id)), id);
    }
}

TEST(Handle, PackedFormIsExactAsADouble) {
    const ObjectId biggest{ObjectId::kMaxIndex, ObjectId::kMaxGeneration};
    const uint64_t packed = engine::packObjectId(biggest);
    EXPECT_LT(packed, uint64_t(1) << 53);
    EXPECT_EQ(uint64_t(double(packed)), packed);
}

TEST(Handle, NullIsZeroAndGarbageUnpacksToNull) {
    EXPECT_EQ(engine::packObjectId(engine::kNullObjectId), 0u);
    EXPECT_TRUE(engine::unpackObjectId(0).isNull());
    EXPECT_TRUE(engine::unpackObjectId(uint64_t(1) << 60).isNull());
}

TEST(Handle, GenerationWrapsPastZero) {
    EXPECT_EQ(engine::nextGeneration(ObjectId::kMaxGeneration), 1u);
    EXPECT_EQ(engine::nextGeneration(0), 1u);
    EXPECT_EQ(engine::nextGeneration(41), 42u);
}
