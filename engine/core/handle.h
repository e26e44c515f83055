#pragma once
// Generational handles: how every game object is named outside its storage (and in Lua).
//
// Contract:
// - An ObjectId is an index into slot storage plus the generation the slot had when the object was
//   created. Reusing a slot bumps its generation, so a stale id never resolves to the new occupant.
// - The packed form uses 52 bits (24-bit index, 28-bit generation), so it is exact as a Lua number.
// - Generation 0 is never issued: the packed value 0 is the null id.
#include <cstdint>

namespace engine {

struct ObjectId {
    uint32_t index = 0;
    uint32_t generation = 0; // 0 = null

    static constexpr int kIndexBits = 24;
    static constexpr int kGenerationBits = 28;
    static constexpr uint32_t kMaxIndex = (1u << kIndexBits) - 1;
    static constexpr uint32_t kMaxGeneration = (1u << kGenerationBits) - 1;

    constexpr bool isNull() const { return generation == 0; }
    friend constexpr bool operator==(ObjectId, ObjectId) = default;
};

inline constexpr ObjectId kNullObjectId{};

/// Packs into ≤ 52 bits: exact as a double (and therefore as a Lua number).
constexpr uint64_t packObjectId(ObjectId id) {
    return (uint64_t(id.generation) << ObjectId::kIndexBits) | uint64_t(id.index);
}

/// Inverse of packObjectId. Values that use bits above 52 unpack to the null id.
constexpr ObjectId unpackObjectId(uint64_t packed) {
    if (packed >> (ObjectId::kIndexBits + ObjectId::kGenerationBits))
        return kNullObjectId;
    return ObjectId{uint32_t(packed & ObjectId::kMaxIndex),
                    uint32_t(packed >> ObjectId::kIndexBits)};
}

/// The generation that follows g, skipping 0 (the null generation) on wrap-around.
constexpr uint32_t nextGeneration(uint32_t g) {
    return g >= ObjectId::kMaxGeneration ? 1u : g + 1u;
}

} // namespace engine
