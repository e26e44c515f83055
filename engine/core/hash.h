#pragma once
// Hasher: FNV-1a over raw bytes, for world_hash. Floats hash by bit pattern, so two states hash
// equal only when they are bit-identical (which is what determinism means here).
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace engine {

class Hasher {
public:
    void bytes(const void* data, size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (size_t i = 0; i < size; ++i) {
            m_state ^= p[i];
            m_state *= 0x100000001b3ull;
        }
    }
    template <class T> void value(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes(&v, sizeof v);
    }
    uint64_t digest() const { return m_state; }

private:
    uint64_t m_state = 0xcbf29ce484222325ull;
};

} // namespace engine
