#include "engine/core/parallel_ranges.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

TEST(ParallelRanges, EveryIndexOnceInContiguousPartsNumberedInOrder) {
    engine::WorkerPool pool(3);
    for (size_t n : {size_t(0), size_t(1), size_t(7), size_t(10007)}) {
        for (uint32_t parts : {1u, 2u, 5u, 16u}) {
            std::vector<std::atomic<int>> visits(n);
            std::vector<size_t> begins(parts, SIZE_MAX), ends(parts, SIZE_MAX);
            engine::parallelRanges(&pool, n, parts, [&](uint32_t part, size_t begin, size_t end) {
                begins[part] = begin;
                ends[part] = end;
                for (size_t i = begin; i < end; ++i)
                    visits[i].fetch_add(1);
            });
            for (size_t i = 0; i < n; ++i)
                ASSERT_EQ(visits[i].load(), 1) << "n " << n << " parts " << parts << " index " << i;
            EXPECT_EQ(begins[0], 0u);
            EXPECT_EQ(ends[parts - 1], n);
            for (uint32_t p = 1; p < parts; ++p)
                EXPECT_EQ(begins[p], ends[p - 1]); // contiguous, in index order
        }
    }
}

TEST(ParallelRanges, WithoutAPoolItRunsInline) {
    std::vector<uint32_t> order;
    engine::parallelRanges(nullptr, 100, 4,
                           [&](uint32_t part, size_t, size_t) { order.push_back(part); });
    EXPECT_EQ(order, (std::vector<uint32_t>{0, 1, 2, 3}));
}

TEST(ParallelRanges, PartsGrowWithWorkAndPoolButStayBounded) {
    engine::WorkerPool pool(2);
    EXPECT_EQ(engine::partsFor(nullptr, 1000000), 1u);
    EXPECT_EQ(engine::partsFor(&pool, 100), 1u); // too little to split
    EXPECT_EQ(engine::partsFor(&pool, 100000), 8u);
    engine::WorkerPool big(8);
    EXPECT_EQ(engine::partsFor(&big, 10000000), engine::kMaxParts);
}
