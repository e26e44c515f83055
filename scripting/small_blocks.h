#pragma once
// SmallBlocks: the free lists a LuaVm's allocator serves small blocks from. Lua allocates and
// frees small objects (tables, userdata, strings, closures) by the million; a garbage cycle frees
// thousands at once, more than glibc's per-thread cache keeps, so every one of them went through
// malloc's slow paths. Here a block of a given size class is one pointer pop or push.
//
// Contract:
// - allocate(size) for 0 < size <= kMaxSize; release(p, size) with the size it was allocated
//   with (Lua always passes it). Blocks are 16-byte aligned, as malloc's are.
// - Memory goes back to the system only when the SmallBlocks is destroyed: a VM reuses what it
//   freed. The VM's cap counts blocks in use, not these reserves.
// - One owner thread at a time (each VM is used by one thread at a time).
#include <cstddef>
#include <vector>

namespace scripting {

class SmallBlocks {
public:
    static constexpr size_t kMaxSize = 256;
    static constexpr size_t kGranule = 16;

    SmallBlocks() = default;
    ~SmallBlocks();
    SmallBlocks(const SmallBlocks&) = delete;
    SmallBlocks& operator=(const SmallBlocks&) = delete;

    static size_t sizeClass(size_t size) { return (size + kGranule - 1) / kGranule - 1; }

    void* allocate(size_t size);
    void release(void* p, size_t size);
    size_t reservedBytes() const { return m_slabs.size() * kSlabBytes; }

private:
    static constexpr size_t kSlabBytes = 64 * 1024;
    struct FreeBlock {
        FreeBlock* next;
    };
    FreeBlock* m_free[kMaxSize / kGranule] = {};
    std::vector<void*> m_slabs;
    char* m_bump = nullptr; // the current slab's unused tail
    char* m_bumpEnd = nullptr;
};

} // namespace scripting
