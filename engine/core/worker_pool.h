#pragma once
// WorkerPool: the calling thread plus N-1 worker threads that pull jobs from a shared counter.
// Knows nothing of Lua: the scripting layer gives each worker index its own VM, so "workers own
// their VM for life; work moves, VMs don't" holds by construction.
//
// Contract:
// - run(jobCount, fn) calls fn(worker, job) exactly once for every job in [0, jobCount), spread
// over
//   workers 0..size()-1 (worker 0 is the calling thread), and returns when all are done.
// - Dynamic balance: a worker takes the next job as soon as it is free (one atomic add per job).
// - No locks on the hot path: workers spin briefly after a round (a round usually follows within
//   microseconds), then sleep on an atomic wait until the next round.
// - run() never waits for a worker that has not started: waking a sleeping core can take
//   milliseconds on a busy host, and the calling thread can do all the work meanwhile. It waits
//   only for jobs already taken (m_inFlight).
// - run() is not reentrant and must be called from the thread that created the pool.
#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace engine {

class WorkerPool {
public:
    using Job = std::function<void(int worker, uint32_t job)>;

    explicit WorkerPool(int size);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    int size() const { return int(m_threads.size()) + 1; }
    void run(uint32_t jobCount, const Job& fn);

    /// How long workers spin before sleeping, in microseconds (0 = sleep at once).
    void setSpinMicros(int micros) { m_spinMicros.store(micros, std::memory_order_relaxed); }

    static int hardwareThreads();

private:
    void workerLoop(int worker);
    void drain(int worker);

    std::vector<std::thread> m_threads;
    // A worker that was slow to wake may still be claiming jobs while the next round starts: every
    // claim carries its round (high 32 bits) and is valid only against that round's job count.
    std::atomic<const Job*> m_job{nullptr};
    std::atomic<uint64_t> m_jobCount{0}; // round << 32 | count
    std::atomic<uint64_t> m_next{0};     // round << 32 | next job index
    uint32_t m_rounds = 0;
    // 32 bits on purpose: libstdc++ waits on 4-byte atomics with a futex; wider ones go through a
    // proxy with timed back-off, which took milliseconds to wake a sleeping worker.
    std::atomic<uint32_t> m_round{0};
    std::atomic<int> m_inFlight{0};
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_spinMicros{200};
};

} // namespace engine
