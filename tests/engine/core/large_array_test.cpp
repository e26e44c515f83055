// LargeArray: a std::vector on huge-page-advised buffers once they pass 2 MiB. What must hold is
// that it is still a vector (contents kept across every growth, over and under the threshold)
// and that big buffers start on a huge page; whether the kernel grants the page is its business.
#include "engine/core/large_array.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace {
struct alignas(64) Line {
    uint64_t value;
};
} // namespace

TEST(LargeArray, KeepsItsContentsAcrossGrowthPastTheHugePageSize) {
    engine::LargeArray<uint32_t> values;
    const size_t n = 3 * engine::HugePageAllocator<uint32_t>::kHugePage / sizeof(uint32_t);
    for (size_t i = 0; i < n; ++i) {
        values.push_back(uint32_t(i * 2654435761u));
        if ((i & (i + 1)) == 0) { // after each regrowth, spot-check what was copied over
            ASSERT_EQ(values[i / 2], uint32_t((i / 2) * 2654435761u)) << i;
        }
    }
    for (size_t i = 0; i < n; ++i)
        ASSERT_EQ(values[i], uint32_t(i * 2654435761u)) << i;
    values.resize(10); // and back under the threshold
    values.shrink_to_fit();
    EXPECT_EQ(values[9], uint32_t(9 * 2654435761u));
}

TEST(LargeArray, SmallBuffersKeepTheTypesAlignmentAndLargeOnesStartOnAHugePage) {
    engine::LargeArray<Line> small(3);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(small.data()) % alignof(Line), 0u);
    engine::LargeArray<Line> large(engine::HugePageAllocator<Line>::kHugePage / sizeof(Line) + 1);
    EXPECT_EQ(
        reinterpret_cast<uintptr_t>(large.data()) % engine::HugePageAllocator<Line>::kHugePage, 0u);
    large.back().value = 7;
    EXPECT_EQ(large.back().value, 7u);
    EXPECT_EQ(large.front().value, 0u); // value-initialized like any vector
}
