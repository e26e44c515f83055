#include "engine/core/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

TEST(WorkerPool, RunsEveryJobExactlyOnceRoundAfterRound) {
    for (int size : {1, 2, 4}) {
        engine::WorkerPool pool(size);
        ASSERT_EQ(pool.size(), size);
        for (int round = 0; round < 200; ++round) {
            const uint32_t jobs = uint32_t(round % 37);
            std::vector<std::atomic<int>> hits(jobs);
            std::atomic<int> badWorker{0};
            pool.run(jobs, [&](int worker, uint32_t job) {
                hits[job].fetch_add(1);
                if (worker < 0 || worker >= size)
                    badWorker.fetch_add(1);
            });
            for (uint32_t j = 0; j < jobs; ++j)
                ASSERT_EQ(hits[j].load(), 1) << "size " << size << " round " << round << " job " << j;
            ASSERT_EQ(badWorker.load(), 0);
        }
    }
}

TEST(WorkerPool, WorkersPickUpWorkAfterSleeping) {
    engine::WorkerPool pool(2);
    pool.setSpinMicros(0); // sleep at once: the next round must wake them
    std::atomic<int> total{0};
    for (int round = 0; round < 50; ++round)
        pool.run(64, [&](int, uint32_t) { total.fetch_add(1); });
    EXPECT_EQ(total.load(), 50 * 64);
}

TEST(WorkerPool, SharesWorkWhenJobsAreSlow) {
    engine::WorkerPool pool(2);
    std::vector<int> byWorker(2, 0);
    std::vector<std::atomic<int>> counts(2);
    pool.run(64, [&](int worker, uint32_t) {
        counts[size_t(worker)].fetch_add(1);
        volatile double x = 0;
        for (int i = 0; i < 200000; ++i)
            x = x + 1.0; // long enough that one thread cannot take every job
    });
    EXPECT_EQ(counts[0].load() + counts[1].load(), 64);
    EXPECT_GT(counts[1].load(), 0) << "the worker thread took no job";
}
