#include "engine/audio/spsc_queue.h"

#include <gtest/gtest.h>

#include <thread>

TEST(SpscQueue, FirstInFirstOutAndAFullRingRefuses) {
    engine::SpscQueue<int, 4> q;
    for (int i = 0; i < 4; ++i)
        EXPECT_TRUE(q.push(i));
    EXPECT_FALSE(q.push(99)); // full: dropped, not overwritten
    int v = -1;
    for (int i = 0; i < 4; ++i) {
        ASSERT_TRUE(q.pop(&v));
        EXPECT_EQ(v, i);
    }
    EXPECT_FALSE(q.pop(&v));
    EXPECT_TRUE(q.push(7)); // the freed slots are reused
    ASSERT_TRUE(q.pop(&v));
    EXPECT_EQ(v, 7);
}

TEST(SpscQueue, TwoThreadsSeeEveryItemOnceInOrder) {
    engine::SpscQueue<int, 64> q;
    constexpr int kCount = 200000;
    std::thread producer([&] {
        for (int i = 0; i < kCount;)
            if (q.push(i))
                ++i;
    });
    int expected = 0;
    for (int v; expected < kCount;)
        if (q.pop(&v)) {
            ASSERT_EQ(v, expected);
            ++expected;
        }
    producer.join();
    EXPECT_EQ(expected, kCount);
}
