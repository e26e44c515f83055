#include "engine/core/worker_pool.h"

#include <chrono>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define ARENA_CPU_RELAX() _mm_pause()
#else
#define ARENA_CPU_RELAX() ((void)0)
#endif

namespace engine {

int WorkerPool::hardwareThreads() {
    const unsigned n = std::thread::hardware_concurrency();
    return n ? int(n) : 1;
}

WorkerPool::WorkerPool(int size) {
    for (int w = 1; w < size; ++w)
        m_threads.emplace_back([this, w] { workerLoop(w); });
}

WorkerPool::~WorkerPool() {
    m_stop.store(true, std::memory_order_release);
    m_round.fetch_add(1, std::memory_order_acq_rel);
    m_round.notify_all();
    for (std::thread& t : m_threads)
        t.join();
}

void WorkerPool::drain(int worker) {
    for (;;) {
        // In flight before taking a job: run() waits for every job taken, and only those.
        m_inFlight.fetch_add(1, std::memory_order_acq_rel);
        const uint64_t claim = m_next.fetch_add(1, std::memory_order_acq_rel);
        const uint64_t count = m_jobCount.load(std::memory_order_acquire);
        const uint32_t job = uint32_t(claim);
        if ((claim >> 32) != (count >> 32) || job >= uint32_t(count)) {
            m_inFlight.fetch_sub(1, std::memory_order_acq_rel);
            return;
        }
        (*m_job.load(std::memory_order_acquire))(worker, job);
        m_inFlight.fetch_sub(1, std::memory_order_acq_rel);
    }
}

void WorkerPool::run(uint32_t jobCount, const Job& fn) {
    if (jobCount == 0)
        return;
    if (m_threads.empty()) {
        for (uint32_t j = 0; j < jobCount; ++j)
            fn(0, j);
        return;
    }
    const uint64_t round = uint64_t(++m_rounds) << 32;
    m_job.store(&fn, std::memory_order_release);
    m_jobCount.store(round | jobCount, std::memory_order_release);
    m_next.store(round, std::memory_order_release); // claims of this round start here
    m_round.fetch_add(1, std::memory_order_release);
    m_round.notify_all();
    drain(0);
    while (m_inFlight.load(std::memory_order_acquire) != 0)
        ARENA_CPU_RELAX();
}

void WorkerPool::workerLoop(int worker) {
    uint32_t seen = 0; // rounds start at 0 and a worker exists before the first run()
    for (;;) {
        // Spin a little first: the next round usually comes within a tick's other phases, and
        // waking a sleeping core costs tens of microseconds.
        const auto spinUntil =
            std::chrono::steady_clock::now() +
            std::chrono::microseconds(m_spinMicros.load(std::memory_order_relaxed));
        uint32_t now = m_round.load(std::memory_order_acquire);
        while (now == seen && std::chrono::steady_clock::now() < spinUntil) {
            for (int i = 0; i < 64; ++i)
                ARENA_CPU_RELAX();
            now = m_round.load(std::memory_order_acquire);
        }
        while (now == seen) {
            m_round.wait(seen, std::memory_order_acquire);
            now = m_round.load(std::memory_order_acquire);
        }
        seen = now;
        if (m_stop.load(std::memory_order_acquire))
            return;
        drain(worker);
    }
}

} // namespace engine
