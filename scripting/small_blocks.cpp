#include "scripting/small_blocks.h"

#include <cstdlib>

namespace scripting {

SmallBlocks::~SmallBlocks() {
    for (void* slab : m_slabs)
        std::free(slab);
}

void* SmallBlocks::allocate(size_t size) {
    const size_t cls = sizeClass(size);
    if (FreeBlock* b = m_free[cls]) {
        m_free[cls] = b->next;
        return b;
    }
    const size_t bytes = (cls + 1) * kGranule;
    if (size_t(m_bumpEnd - m_bump) < bytes) {
        // The old slab's tail (less than one block of this class) stays unused: at most 240 bytes.
        void* slab = std::aligned_alloc(kGranule, kSlabBytes);
        if (!slab)
            return nullptr;
        m_slabs.push_back(slab);
        m_bump = static_cast<char*>(slab);
        m_bumpEnd = m_bump + kSlabBytes;
    }
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
