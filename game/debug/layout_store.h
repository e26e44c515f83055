#pragma once
// The overlay's layout on the user's disk: $XDG_CONFIG_HOME/arena/overlay-layout.json, else
// ~/.config/arena/overlay-layout.json. Only the window reads and writes it (tests, screenshots and
// headless runs never do). A file that is missing, unreadable or from another version of the
// layout gives the defaults: the layout is a convenience, never a reason not to start.
#include "game/debug/workbench_layout.h"

#include <cstdint>
#include <string>

namespace game {

/// The file's path from the environment ("" when neither XDG_CONFIG_HOME nor HOME is set).
std::string overlayLayoutPath();

/// Reads `path` into *layout; on false *layout is untouched and *error says why.
bool loadLayout(const std::string& path, WorkbenchLayout* layout, std::string* error);
/// Writes the layout (creating the folder); atomic, like the editor's saves.
bool saveLayout(const std::string& path, const WorkbenchLayout& layout, std::string* error);

class Overlay;

/// The window's overlay layout on disk: read when made, written a second (60 frames) after the
/// last change, so a drag is saved once, and when destroyed if a change is still unsaved.
class OverlayLayoutFile {
public:
    explicit OverlayLayoutFile(Overlay& overlay);
    ~OverlayLayoutFile();
    OverlayLayoutFile(const OverlayLayoutFile&) = delete;
    OverlayLayoutFile& operator=(const OverlayLayoutFile&) = delete;

    void update(uint64_t frame); // once per frame

private:
    void save();
    Overlay& m_overlay;
    std::string m_path;
    bool m_dirty = false;
    uint64_t m_changedAt = 0;
};

std::string layoutToJson(const WorkbenchLayout& layout);
bool layoutFromJson(const std::string& text, WorkbenchLayout* layout, std::string* error);

} // namespace game
