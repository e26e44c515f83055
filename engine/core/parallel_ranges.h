#pragma once
// parallelRanges: a data-parallel loop over [0, n) on a WorkerPool, for the tick's serial phases
// (snapshot, apply) that would otherwise leave the pool's cores idle.
//
// Contract:
// - [0, n) is split into `parts` contiguous ranges, numbered in index order; fn(part, begin, end)
//   runs once for each (empty ones included), on any worker, or inline when pool is null.
// - Work that is joined in part order (per-part outputs appended part 0 first) gives the same
//   result for any pool size and any number of parts: determinism does not depend on the machine.
// - fn must not touch what another part writes.
// - Call it from the thread that created the pool, never from inside a pool job: WorkerPool::run
//   is not reentrant.
#include "engine/core/worker_pool.h"

#include <cstddef>
#include <cstdint>

namespace engine {

template <class Fn> // Fn(uint32_t part, size_t begin, size_t end)
void parallelRanges(WorkerPool* pool, size_t n, uint32_t parts, Fn&& fn) {
    if (parts == 0)
        parts = 1;
    const auto range = [&](uint32_t part) {
        const size_t begin = n * part / parts, end = n * (size_t(part) + 1) / parts;
        fn(part, begin, end);
    };
    if (!pool || pool->size() == 1 || parts == 1) {
        for (uint32_t p = 0; p < parts; ++p)
            range(p);
        return;
    }
    pool->run(parts, [&](int, uint32_t part) { range(part); });
}

/// Parts for n items: enough for balance on `pool` (a late worker leaves its share to others),
/// none smaller than minPerPart. At most kMaxParts.
inline constexpr uint32_t kMaxParts = 16;
inline uint32_t partsFor(const WorkerPool* pool, size_t n, size_t minPerPart = 4096) {
    if (!pool || pool->size() == 1)
        return 1;
    const size_t wanted = size_t(pool->size()) * 4;
    const size_t bySize = n / minPerPart;
    const size_t parts = wanted < bySize ? wanted : bySize;
    return uint32_t(parts < 1 ? 1 : parts > kMaxParts ? kMaxParts : parts);
}

} // namespace engine
