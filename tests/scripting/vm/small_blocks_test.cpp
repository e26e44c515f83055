#include "engine/core/random.h"
#include "vm/small_blocks.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

using scripting::SmallBlocks;

TEST(SmallBlocks, LiveBlocksNeverOverlapAndAreAligned) {
    SmallBlocks blocks;
    engine::Rng rng(3);
    struct Live {
        unsigned char* p;
        size_t size;
        unsigned char fill;
    };
    std::vector<Live> live;
    for (int step = 0; step < 200000; ++step) {
        if (live.empty() || rng.below(100) < 55) {
            const size_t size = 1 + rng.below(SmallBlocks::kMaxSize);
            auto* p = static_cast<unsigned char*>(blocks.allocate(size));
            ASSERT_NE(p, nullptr); // this test stays far below the reserve bound
            ASSERT_TRUE(blocks.owns(p));
            ASSERT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u);
            const auto fill = static_cast<unsigned char>(step);
            std::memset(p, fill, size);
            live.push_back({p, size, fill});
        } else {
            const size_t k = rng.below(uint32_t(live.size()));
            const Live& l = live[k];
            // Whatever was written since, by anyone, shows up here as a wrong byte.
            for (size_t i = 0; i < l.size; ++i)
                ASSERT_EQ(l.p[i], l.fill) << "block of " << l.size << " bytes, byte " << i;
            blocks.release(l.p, l.size);
            live[k] = live.back();
            live.pop_back();
        }
    }
}

TEST(SmallBlocks, AReleasedBlockIsReusedForItsSizeClass) {
    SmallBlocks blocks;
    void* a = blocks.allocate(40);
    blocks.release(a, 40);
    EXPECT_EQ(blocks.allocate(48), a); // 40 and 48 share the 48-byte class
    void* b = blocks.allocate(24);
    EXPECT_NE(b, a);
    blocks.release(blocks.allocate(24), 24);
    const size_t reserved = blocks.reservedBytes();
    for (int i = 0; i < 1000; ++i) // churn in one class grows nothing more
        blocks.release(blocks.allocate(24), 24);
    EXPECT_EQ(blocks.reservedBytes(), reserved);
}

TEST(SmallBlocks, ReservesAreBoundedWhateverTheSizesAsked) {
    // A script that fills one size class after another and lets go: without a bound, every class
    // would keep what it once held.
    SmallBlocks blocks;
    size_t served = 0;
    for (size_t size = 16; size <= SmallBlocks::kMaxSize; size += 16) {
        std::vector<void*> held;
        while (void* p = blocks.allocate(size)) {
            held.push_back(p);
            if (held.size() > SmallBlocks::kMaxReservedBytes / 16)
                break;
        }
        served += held.size();
        for (void* p : held)
            blocks.release(p, size);
        EXPECT_LE(blocks.reservedBytes(), SmallBlocks::kMaxReservedBytes) << "after class " << size;
    }
    EXPECT_GT(served, 0u);
    void* outside = std::malloc(32);
    EXPECT_FALSE(blocks.owns(outside));
    std::free(outside);
}
