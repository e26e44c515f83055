#pragma once
// LargeArray<T>: a std::vector whose big buffers sit on 2 MiB pages where the kernel allows it
// (Linux transparent huge pages, madvise mode), for the per-enemy arrays a tick streams through.
// A million enemies' records alone span 16,000 ordinary 4 KiB pages, far more than the TLB
// holds, so a pass over them walks the page tables at every page of every array it reads.
//
// Contract: behaves as std::vector<T> (only the allocator differs). Buffers under 2 MiB, and any
// buffer where the advice is refused, are ordinary memory; nothing else changes.
#include <cstddef>
#include <cstdint>
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
        return static_cast<T*>(allocateHuge(roundedBytes(n)));
    }
    void deallocate(T* p, size_t n) {
        if (n * sizeof(T) < kHugePage)
            ::operator delete(p, std::align_val_t(alignof(T)));
        else
            freeHuge(p, roundedBytes(n));
    }
    template <class U> bool operator==(const HugePageAllocator<U>&) const { return true; }

private:
    static size_t roundedBytes(size_t n) {
        return (n * sizeof(T) + kHugePage - 1) / kHugePage * kHugePage;
    }
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Fresh pages straight from the kernel (malloc may hand back memory already touched, which
    // the advice no longer changes), aligned to a huge page by trimming an oversized mapping,
    // and advised before anything faults them in: each then comes in as one 2 MiB page.
    static void* allocateHuge(size_t bytes) {
        void* raw = mmap(nullptr, bytes + kHugePage, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED)
            throw std::bad_alloc();
        const uintptr_t begin = reinterpret_cast<uintptr_t>(raw);
        const uintptr_t start = (begin + kHugePage - 1) / kHugePage * kHugePage;
        if (start > begin)
            munmap(raw, start - begin);
        if (const size_t tail = begin + bytes + kHugePage - (start + bytes))
            munmap(reinterpret_cast<void*>(start + bytes), tail);
        void* p = reinterpret_cast<void*>(start);
        madvise(p, bytes, MADV_HUGEPAGE);
        return p;
    }
    static void freeHuge(void* p, size_t bytes) {
        munmap(p, bytes);
    }
#else
    static void* allocateHuge(size_t bytes) {
        if (void* p = std::aligned_alloc(kHugePage, bytes))
            return p;
        throw std::bad_alloc();
    }
    static void freeHuge(void* p, size_t) {
        std::free(p);
    }
#endif
};

template <class T> using LargeArray = std::vector<T, HugePageAllocator<T>>;

} // namespace engine
