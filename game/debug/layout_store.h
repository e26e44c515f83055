#pragma once
// The overlay's layout on the user's disk: $XDG_CONFIG_HOME/arena/overlay-layout.json, else
// ~/.config/arena/overlay-layout.json. Only the window reads and writes it (tests, screenshots and
// headless runs never do). A file that is missing, unreadable or from another version of the
// layout gives the defaults: the layout is a convenience, never a reason not to start.
#include "game/debug/workbench_layout.h"

#include <string>

namespace game {

/// The file's path from the environment ("" when neither XDG_CONFIG_HOME nor HOME is set).
std::string overlayLayoutPath();

/// Reads `path` into *layout; on false *layout is untouched and *error says why.
bool loadLayout(const std::string& path, WorkbenchLayout* layout, std::string* error);
/// Writes the layout (creating the folder); atomic, like the editor's saves.
bool saveLayout(const std::string& path, const WorkbenchLayout& layout, std::string* error);

std::string layoutToJson(const WorkbenchLayout& layout);
bool layoutFromJson(const std::string& text, WorkbenchLayout* layout, std::string* error);

} // namespace game
