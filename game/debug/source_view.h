#pragma once
// SourceView: the debugger's read-only view of a script version: line numbers in a gutter, Lua
// colours, breakpoints (a click on a line number sets or clears one; a red dot), the line being
// stepped (an arrow and a band, scrolled into view when it changes) and, after that line's end,
// a short note (the values it just set). A Dear ImGui 1.86 widget in the editor's theme.
#include "game/debug/lua_tokenizer.h"

#include <imgui.h>

#include <set>
#include <string>
#include <vector>

namespace game {

struct SourceViewState {
    std::string text; // what the layout below was made for
    std::vector<std::string> lines;
    std::vector<std::vector<LuaSpan>> spans;
    int scrolledTo = 0; // the current line last scrolled into view
};

/// Draws `source` filling `size` (0 on an axis: the rest of the window). `current` (1-based, 0:
/// none) is the line being stepped, `note` what to show after it. A click on a line number
/// toggles that line in *breakpoints. Returns the line whose number was clicked, or 0.
int sourceView(const char* id, SourceViewState& state, const std::string& source, int current,
               const std::string& note, std::set<int>* breakpoints,
               const ImVec2& size = ImVec2(0, 0));

} // namespace game
