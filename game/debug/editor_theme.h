#pragma once
// The script editor's colours, shared by the editor and the debugger's source view: a dark theme
// in the manner of the common code editors (readable contrast, muted punctuation).
#include "game/debug/lua_tokenizer.h"

#include <imgui.h>

namespace game {

inline constexpr ImU32 kBackground = IM_COL32(30, 31, 36, 255);
inline constexpr ImU32 kGutterBackground = IM_COL32(23, 24, 28, 255);
inline constexpr ImU32 kGutterEdge = IM_COL32(55, 57, 66, 255);
inline constexpr ImU32 kLineNumber = IM_COL32(98, 104, 116, 255);
inline constexpr ImU32 kLineNumberCurrent = IM_COL32(215, 218, 226, 255);
inline constexpr ImU32 kCurrentLine = IM_COL32(255, 255, 255, 13);
inline constexpr ImU32 kMarkBand = IM_COL32(225, 55, 45, 58);
inline constexpr ImU32 kMarkGutter = IM_COL32(225, 55, 45, 90);
inline constexpr ImU32 kMarkDot = IM_COL32(245, 85, 70, 255);
inline constexpr ImU32 kMarkText = IM_COL32(255, 160, 145, 255);
inline constexpr ImU32 kMarkTextBackground = IM_COL32(70, 28, 30, 255);
inline constexpr ImU32 kMatch = IM_COL32(215, 165, 60, 60);
inline constexpr ImU32 kMatchCurrent = IM_COL32(235, 185, 65, 140);
inline constexpr ImU32 kCaret = IM_COL32(240, 240, 245, 255);

inline ImU32 colorOf(LuaTokenKind kind) {
    switch (kind) {
    case LuaTokenKind::Name: return IM_COL32(216, 218, 224, 255);
    case LuaTokenKind::Keyword: return IM_COL32(198, 136, 232, 255);
    case LuaTokenKind::Constant: return IM_COL32(94, 166, 232, 255);
    case LuaTokenKind::Number: return IM_COL32(184, 210, 150, 255);
    case LuaTokenKind::String: return IM_COL32(222, 154, 118, 255);
    case LuaTokenKind::Comment: return IM_COL32(110, 158, 96, 255);
    case LuaTokenKind::Operator: return IM_COL32(160, 166, 178, 255);
    }
    return IM_COL32_WHITE;
}

} // namespace game
