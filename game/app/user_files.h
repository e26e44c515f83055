#pragma once
// Files the game writes for the user: where they live (the XDG base directories) and how they
// are written (atomically). The editor's saves, the overlay's layout and the best score use these.
#include <string>

namespace game {

/// $<xdgVariable>/arena/<name>, else $HOME/<homeFallback>/arena/<name>, else "" (neither set).
/// e.g. userFilePath("XDG_CONFIG_HOME", ".config", "overlay-layout.json").
std::string userFilePath(const char* xdgVariable, const char* homeFallback, const char* name);

/// Writes text to path atomically (a temporary file, then rename): a save is never seen
/// half-written. Returns false with *error on failure (a read-only disk, say).
bool writeFileAtomically(const std::string& path, const std::string& text, std::string* error);

/// writeFileAtomically, creating the folder first.
bool writeUserFile(const std::string& path, const std::string& text, std::string* error);

} // namespace game
