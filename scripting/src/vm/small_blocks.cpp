#include "vm/small_blocks.h"

#include <sys/mman.h>

namespace scripting {

SmallBlocks::~SmallBlocks() {
    if (m_region)
        munmap(m_region, kMaxReservedBytes);
}

void* SmallBlocks::allocate(size_t size) {
    const size_t cls = sizeClass(size);
    if (FreeBlock* b = m_free[cls]) {
        m_free[cls] = b->next;
        return b;
    }
    if (!m_region) {
        void* region = mmap(nullptr, kMaxReservedBytes, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (region == MAP_FAILED)
            return nullptr; // malloc serves this VM then
        m_region = m_bump = static_cast<char*>(region);
        m_end = m_region + kMaxReservedBytes;
    }
    const size_t bytes = (cls + 1) * kGranule;
    if (size_t(m_end - m_bump) < bytes)
        return nullptr;
    void* p = m_bump;
    m_bump += bytes;
    return p;
}

void SmallBlocks::release(void* p, size_t size) {
    auto* b = static_cast<FreeBlock*>(p);
    const size_t cls = sizeClass(size);
    b->next = m_free[cls];
    m_free[cls] = b;
}

} // namespace scripting
