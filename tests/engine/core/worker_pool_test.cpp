#include "engine/core/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
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
                ASSERT_EQ(hits[j].load(), 1)
                    << "size " << size << " round " << round << " job " << j;
            ASSERT_EQ(badWorker.load(), 0);
        }
    }
}

namespace {
// Waits (at most a few seconds, so a broken pool fails instead of hanging) until `done` holds.
template <class Done> void waitFor(Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!done() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::yield();
}
} // namespace

TEST(WorkerPool, SleepingWorkersWakeForTheNextRound) {
    // The calling thread's job waits for another worker to run a job: only a worker that woke up
    // can, so the caller doing everything alone (what a pool whose workers never wake does)
    // fails here instead of passing.
    engine::WorkerPool pool(2);
    pool.setSpinMicros(0); // sleep at once after every round
    for (int round = 0; round < 20; ++round) {
        std::atomic<bool> otherRan{false};
        pool.run(2, [&](int worker, uint32_t) {
            if (worker != 0)
                otherRan = true;
            else
                waitFor([&] { return otherRan.load(); });
        });
        ASSERT_TRUE(otherRan.load()) << "round " << round << ": no worker woke up";
        std::this_thread::sleep_for(std::chrono::milliseconds(2)); // let it fall asleep
    }
}

TEST(WorkerPool, WhileOneJobIsSlowTheOtherWorkersTakeTheRest) {
    // Dynamic balance: the caller's first job lasts until every other job is done, so the other
    // worker must have taken all 63 of them.
    engine::WorkerPool pool(2);
    std::atomic<int> done{0};
    std::vector<std::atomic<int>> byWorker(2);
    pool.run(64, [&](int worker, uint32_t) {
        byWorker[size_t(worker)].fetch_add(1);
        if (worker == 0 && byWorker[0].load() == 1)
            waitFor([&] { return done.load() == 63; });
        done.fetch_add(1);
    });
    EXPECT_EQ(done.load(), 64);
    EXPECT_EQ(byWorker[1].load(), 63);
    EXPECT_EQ(byWorker[0].load(), 1);
}
