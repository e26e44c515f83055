#pragma once
// Deterministic randomness. Simulation code never uses global RNG state: a value is a pure function
// of (seed, stream, counter), so the same run gives the same numbers whatever thread asks.
#include <cstdint>

namespace engine {

constexpr uint64_t mix64(uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/// A random 64-bit value determined by its three inputs.
constexpr uint64_t hashRandom(uint64_t seed, uint64_t stream, uint64_t counter) {
    return mix64(seed ^ mix64(stream ^ mix64(counter)));
}

/// Uniform in [0, 1) with 24 bits of precision (exact as a float).
constexpr float unitFloat(uint64_t bits) {
    // Through int32 (exact: 24 bits): x86 converts a signed integer in one instruction, an
    // unsigned 64-bit one in several, and a think's randoms go through here when it reads them.
    return float(int32_t(bits >> 40)) * (1.0f / 16777216.0f);
}

/// A sequential generator for single-threaded code (waves, spawns): splitmix64.
class Rng {
public:
    explicit Rng(uint64_t seed = 0) : m_state(seed) {}
    uint64_t next() { return mix64(m_state++); }
    float unit() { return unitFloat(next()); }
    float range(float lo, float hi) { return lo + (hi - lo) * unit(); }
    uint32_t below(uint32_t n) { return n ? uint32_t(next() % n) : 0; }
    uint64_t state() const { return m_state; }

private:
    uint64_t m_state;
};

} // namespace engine
