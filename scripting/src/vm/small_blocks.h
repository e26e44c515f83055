#pragma once
// SmallBlocks: the free lists a LuaVm's allocator serves small blocks from. Lua allocates and
// frees small objects (tables, userdata, strings, closures) by the million; a garbage cycle frees
// thousands at once, more than glibc's per-thread cache keeps, so every one of them went through
// malloc's slow paths. Here a block of a given size class is one pointer pop or push.
//
// Contract:
// - allocate(size) for 0 < size <= kMaxSize returns a 16-byte aligned block, or null once its
//   region of kMaxReservedBytes is used up: the caller then uses malloc. So what a VM keeps in
//   free lists (which only go back to the system with the SmallBlocks) is bounded, whatever a
//   script does; the VM's cap counts blocks in use, as with malloc. The region is reserved
//   address space: pages count only once touched.
// - release(p, size) only for blocks that owns(p), with the size they were allocated with (Lua
//   always passes it).
// - One owner thread at a time (each VM is used by one thread at a time).
#include <cstddef>
#include <cstdint>

namespace scripting {

class SmallBlocks {
public:
    static constexpr size_t kMaxSize = 256;
    static constexpr size_t kGranule = 16;
    static constexpr size_t kMaxReservedBytes = size_t(8) << 20;

    SmallBlocks() = default;
    ~SmallBlocks();
    SmallBlocks(const SmallBlocks&) = delete;
    SmallBlocks& operator=(const SmallBlocks&) = delete;

    static size_t sizeClass(size_t size) { return (size + kGranule - 1) / kGranule - 1; }

    void* allocate(size_t size);
    void release(void* p, size_t size);
    /// True for blocks allocate() returned (false for malloc's): two compares.
    bool owns(const void* p) const {
        const auto a = reinterpret_cast<uintptr_t>(p);
        return a >= reinterpret_cast<uintptr_t>(m_region) &&
               a < reinterpret_cast<uintptr_t>(m_bump);
    }
    /// Bytes handed out so far, free or in use.
    size_t reservedBytes() const { return size_t(m_bump - m_region); }

private:
    struct FreeBlock {
        FreeBlock* next;
    };
    FreeBlock* m_free[kMaxSize / kGranule] = {};
    char* m_region = nullptr; // kMaxReservedBytes of address space, mapped at the first block
    char* m_bump = nullptr;   // its unused part starts here
    char* m_end = nullptr;
};

} // namespace scripting
