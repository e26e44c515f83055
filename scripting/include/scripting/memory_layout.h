#pragma once
// MemoryLayout: an enemy script's engine memory (`memory = { t = "float", mode = "int" }`), the one
// codec every user of it goes through: the FFI struct the batch driver copies (cdecl()), the hooks'
// object fields, the inspector, and the migration when a reload changes the layout.
//
// Rules (the contract of `memory`): names are C identifiers of at most 32 characters and not C
// keywords; types are "float", "double" (alias "number"), "int" (int32) and "bool"; fields are laid
// out in name order with C's natural alignment; the struct is at most kEnemyMemoryBytes (64) bytes.
#include "engine/world/world.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scripting {

enum class MemoryType : uint8_t { Float, Double, Int, Bool };

struct MemoryField {
    std::string name;
    MemoryType type = MemoryType::Float;
    uint32_t offset = 0;
    bool operator==(const MemoryField&) const = default;
};

struct MemoryLayout {
    std::vector<MemoryField> fields; // in name order
    uint32_t size = 0;               // 0 without fields

    const MemoryField* find(std::string_view name) const;
    /// The C declaration of the struct ("struct { float t; int32_t mode; }").
    std::string cdecl() const;
    /// "t, mode", or "none".
    std::string names() const;
    bool operator==(const MemoryLayout&) const = default;
};

/// "float" -> Float; "number" -> Double. False for anything else.
bool parseMemoryType(std::string_view text, MemoryType* type);
const char* memoryTypeName(MemoryType type); // "float", "double", "int", "bool"
uint32_t memoryTypeSize(MemoryType type);

/// Builds the layout of (name, type) pairs in any order. False with *error ("memory field 'x' ...")
/// if a name or type breaks the rules, or the struct would be too big.
bool buildMemoryLayout(const std::vector<std::pair<std::string, std::string>>& declared,
                       MemoryLayout* out, std::string* error);

/// A field's value as a Lua number (bool: 0 or 1).
double readMemoryField(const uint8_t* memory, const MemoryField& field);
/// Writes a script's value; false with *error if it does not fit the field's type (a float
/// beyond FLT_MAX, an int out of int32's range, NaN into an int). Fractions are truncated toward
/// zero for ints, like the FFI does.
bool writeMemoryField(uint8_t* memory, const MemoryField& field, double value, std::string* error);
void writeMemoryBool(uint8_t* memory, const MemoryField& field, bool value);

/// Carries memory across a layout change: fields with the same name and type keep their bytes,
/// the others start at zero. `old` holds before.size bytes, `fresh` after.size. `kept` and `reset`
/// list the fields of `after` in each case.
void migrateMemory(const MemoryLayout& before, const MemoryLayout& after, const uint8_t* old,
                   uint8_t* fresh, std::vector<std::string>* kept = nullptr,
                   std::vector<std::string>* reset = nullptr);

/// Enemy e's memory in `world` if its pool holds field f (Game lays each pool out from its script,
/// so it does unless a world was made by hand), else null.
inline const uint8_t* enemyMemoryHolding(const engine::World& world, const engine::Enemy& e,
                                         const MemoryField& f) {
    const uint8_t* memory = world.memoryOf(e);
    return memory && f.offset + memoryTypeSize(f.type) <= world.enemyMemory.bytes(e.type) ? memory
                                                                                          : nullptr;
}
inline uint8_t* enemyMemoryHolding(engine::World& world, const engine::Enemy& e,
                                   const MemoryField& f) {
    return const_cast<uint8_t*>(enemyMemoryHolding(std::as_const(world), e, f));
}

} // namespace scripting
