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

/// WordHasher: 8 bytes per step (an xor-multiply-xorshift per word), several times FNV-1a's speed,
/// for hashing a large state often (a replay's checkpoints, every second). Its digests are its
/// own: not comparable with Hasher's.
class WordHasher {
public:
    void bytes(const void* data, size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (; size >= 8; p += 8, size -= 8) {
            uint64_t w;
            std::memcpy(&w, p, 8);
            word(w);
        }
        if (size) {
            uint64_t w = 0;
            std::memcpy(&w, p, size);
            word(w ^ (uint64_t(size) << 56));
        }
    }
    template <class T> void value(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes(&v, sizeof v);
    }
    uint64_t digest() const { return m_state ^ (m_state >> 31); }

private:
    void word(uint64_t w) {
        m_state = (m_state ^ w) * 0x9e3779b97f4a7c15ull;
        m_state ^= m_state >> 29;
    }
    uint64_t m_state = 0xcbf29ce484222325ull;
};

} // namespace engine
