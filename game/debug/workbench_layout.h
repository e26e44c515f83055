#pragma once
// WorkbenchLayout: where the overlay's panels sit around the arena. Three docks — a column on the
// left, a column on the right (both the full height under the menu bar) and a strip at the bottom
// between them — each stack their open panels; the arena gets the rectangle they leave. Sizes are
// fractions of the window, so the split survives a resize. Pure math, no ImGui: testable alone.
//
// Contract: layOut() never lets panels cover the arena and never returns a rectangle smaller than
// the minimums below while the window is large enough; resizedBy() turns a panel the user resized
// (ImGui's borders) into new fractions and weights, clamped the same way.
#include <array>
#include <cstddef>

namespace game {

enum class Panel {
    Pool,
    Scripts,
    Inspector,
    Frame,
    Controls,
    Console,
    Editor,
    TimeTravel,
    Debugger
};
constexpr size_t kPanelCount = 9;
const char* panelTitle(Panel panel); // the ImGui window name, also the key in the saved layout

enum class Dock { Left, Right, Bottom };

struct PanelPlacement {
    bool open = true;
    Dock dock = Dock::Left;
    float weight = 1.0f; // share of its dock's length among the open panels there
};

struct WorkbenchLayout {
    float leftFraction = 0.25f;   // of the window's width
    float rightFraction = 0.31f;  // of the window's width
    float bottomFraction = 0.55f; // of the height under the menu bar
    bool pauseWhenOpen = true;    // opening the overlay pauses the player's round
    std::array<PanelPlacement, kPanelCount> panels{};
    PanelPlacement& operator[](Panel p) { return panels[size_t(p)]; }
    const PanelPlacement& operator[](Panel p) const { return panels[size_t(p)]; }
};

/// Pool, Frame, Controls and Time travel on the left; Inspector and the console on the right;
/// Scripts, the editor and the think debugger (both closed) in the bottom strip. The arena keeps
/// the world's 16:9 at 1280×720 and above.
WorkbenchLayout defaultWorkbenchLayout();

struct LayoutRect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

struct WorkbenchRects {
    LayoutRect arena;
    std::array<LayoutRect, kPanelCount> panels{}; // zero-sized when closed
};

constexpr float kMinArenaSize = 160.0f; // pixels: the arena never shrinks below this
constexpr float kMinPanelSize = 60.0f;  // pixels: a panel never shrinks below this
constexpr float kPanelGap = 2.0f;       // pixels between neighbours (ImGui's resize borders)

/// The rectangles for a window of width × height whose menu bar is menuHeight tall.
WorkbenchRects layOut(const WorkbenchLayout& layout, float width, float height, float menuHeight);

/// The layout after the user resized `panel` from `given` (what layOut assigned) to `actual`.
WorkbenchLayout resizedBy(const WorkbenchLayout& layout, Panel panel, const LayoutRect& given,
                          const LayoutRect& actual, float width, float height, float menuHeight);

} // namespace game
