#pragma once
// The arena's own colours (0xRRGGBBAA). Enemy colours are the scripts' (`color`); tests check that
// each of them reads apart from the others and from these.
#include <cstdint>

namespace game::palette {

inline constexpr uint32_t kFloor = 0x10141dff;
inline constexpr uint32_t kGridLine = 0x1a2130ff;
inline constexpr uint32_t kBorder = 0x3b4d6eff;
inline constexpr uint32_t kPlayer = 0xe8f4ffff;
inline constexpr uint32_t kPlayerBullet = 0xfff1a0ff;
inline constexpr uint32_t kEnemyBullet = 0xff5ad8ff;
inline constexpr uint32_t kFaulted = 0x6a6a72ff;

} // namespace game::palette
