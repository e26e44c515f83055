#pragma once
// LargeArray<T>: a std::vector whose big buffers sit on 2 MiB pages where the kernel allows it
// (Linux transparent huge pages, madvise mode), for the per-enemy arrays a tick streams through.
// A million enemies' records alone span 16,000 ordinary 4 KiB pages, far more than the TLB
// holds, so a pass over them walks the page tables at every page of every array it reads.
//
// Contract: behaves as std::vector<T> (only the allocator differs). Buffers under 2 MiB, and any
// buffer where the advice is refused, are ordinary memory; nothing else changes.
#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace engine {

template <class T> struct HugePageAllocator {
    using value_type = T;
    static constexpr size_t kHugePage = size_t(2) << 20;

    HugePageAllocator() = default;
    template <class U> HugePageAllocator(const HugePageAllocator<U>&) {}

    T* allocate(size_t n) {
        const size_t bytes = n * sizeof(T);
        if (bytes < kHugePage)
            return static_cast<T*>(::operator new(bytes, std::align_val_t(alignof(T))));
        // Whole huge pages, aligned to one, advised before anything touches them: the kernel
        // then backs each with one 2 MiB page when it first faults in.
        const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        void* p = std::aligned_alloc(kHugePage, rounded);
        if (!p)
            throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        madvise(p, rounded, MADV_HUGEPAGE);
#endif
        return static_cast<T*>(p);
    }
    void deallocate(T* p, size_t n) {
        if (n * sizeof(T) < kHugePage)
            ::operator delete(p, std::align_val_t(alignof(T)));
        else
            std::free(p);
    }
    template <class U> bool operator==(const HugePageAllocator<U>&) const {
        return true;
    }
};

template <class T> using LargeArray = std::vector<T, HugePageAllocator<T>>;

} // namespace engine
