#include "game/debug/workbench_layout.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace game {

namespace {
constexpr std::array<const char*, kPanelCount> kTitles = {
    "VM pool",       "Scripts",       "Inspector",   "Frame",         "Controls",
    "Error console", "Script editor", "Time travel", "Think debugger"};

bool changed(float a, float b) {
    return std::fabs(a - b) > 0.5f; // ImGui rounds sizes to whole pixels
}

std::vector<Panel> openIn(const WorkbenchLayout& layout, Dock dock) {
    std::vector<Panel> out;
    for (size_t i = 0; i < kPanelCount; ++i)
        if (layout.panels[i].open && layout.panels[i].dock == dock)
            out.push_back(Panel(i));
    return out;
}

// The pixel widths of the two columns and the height of the bottom strip, clamped so the arena
// and every open panel keep their minimums.
struct DockSizes {
    float left = 0, right = 0, bottom = 0;
};

DockSizes dockSizes(const WorkbenchLayout& layout, float width, float height, float menuHeight) {
    DockSizes s;
    const float below = std::max(0.0f, height - menuHeight);
    if (!openIn(layout, Dock::Left).empty())
        s.left = std::max(kMinPanelSize, layout.leftFraction * width);
    if (!openIn(layout, Dock::Right).empty())
        s.right = std::max(kMinPanelSize, layout.rightFraction * width);
    const float room = width - kMinArenaSize;
    if (s.left + s.right > room && s.left + s.right > 0) { // shrink both columns alike
        const float scale = std::max(0.0f, room) / (s.left + s.right);
        s.left *= scale;
        s.right *= scale;
    }
    if (!openIn(layout, Dock::Bottom).empty())
        s.bottom = std::clamp(layout.bottomFraction * below, std::min(kMinPanelSize, below),
                              std::max(0.0f, below - kMinArenaSize));
    return s;
}

// Splits `length` among the panels by weight, each at least kMinPanelSize when there is room.
std::vector<float> split(const WorkbenchLayout& layout, const std::vector<Panel>& panels,
                         float length) {
    std::vector<float> out(panels.size(), 0.0f);
    if (panels.empty())
        return out;
    const float gaps = kPanelGap * float(panels.size() - 1);
    const float room = std::max(0.0f, length - gaps);
    float total = 0;
    for (Panel p : panels)
        total += std::max(0.01f, layout[p].weight);
    const float floor = std::min(kMinPanelSize, room / float(panels.size()));
    float spare = room - floor * float(panels.size());
    for (size_t i = 0; i < panels.size(); ++i)
        out[i] = floor + spare * std::max(0.01f, layout[panels[i]].weight) / total;
    return out;
}

// Whole pixels, as ImGui keeps windows: a rectangle it rounds would read as the user's resize.
LayoutRect snapped(float x, float y, float w, float h) {
    const float x0 = std::floor(x), y0 = std::floor(y);
    return {x0, y0, std::floor(x + w) - x0, std::floor(y + h) - y0};
}

void stack(const WorkbenchLayout& layout, Dock dock, LayoutRect area, WorkbenchRects& rects) {
    const std::vector<Panel> panels = openIn(layout, dock);
    const std::vector<float> lengths = split(layout, panels, area.h);
    float y = area.y;
    for (size_t i = 0; i < panels.size(); ++i) {
        rects.panels[size_t(panels[i])] = snapped(area.x, y, area.w, lengths[i]);
        y += lengths[i] + kPanelGap;
    }
}

// Moves the boundary between two neighbours of a stack by `delta` pixels (positive: the first
// grows), keeping both at least the stack's floor, and rewrites their weights to match: split()
// shares out what lies above the floor by weight.
void moveBoundary(WorkbenchLayout& layout, const WorkbenchRects& rects,
                  const std::vector<Panel>& stacked, Panel first, Panel second, float delta) {
    float room = 0;
    for (Panel p : stacked)
        room += rects.panels[size_t(p)].h;
    const float floor = std::min(kMinPanelSize, room / float(stacked.size()));
    const float a = rects.panels[size_t(first)].h, b = rects.panels[size_t(second)].h;
    const float moved = std::clamp(delta, floor - a, b - floor);
    const float sum = layout[first].weight + layout[second].weight;
    const float above = a + b - 2 * floor;
    if (above <= 0)
        return;
    layout[first].weight = std::max(0.01f, sum * (a + moved - floor) / above);
    layout[second].weight = std::max(0.01f, sum * (b - moved - floor) / above);
}
} // namespace

const char* panelTitle(Panel panel) {
    return kTitles[size_t(panel)];
}

WorkbenchLayout defaultWorkbenchLayout() {
    WorkbenchLayout l;
    l[Panel::Pool] = {true, Dock::Left, 1.3f};
    l[Panel::Frame] = {true, Dock::Left, 1.0f};
    l[Panel::Controls] = {true, Dock::Left, 0.8f};
    l[Panel::Inspector] = {true, Dock::Right, 1.2f};
    l[Panel::Console] = {true, Dock::Right, 1.0f};
    l[Panel::Scripts] = {true, Dock::Bottom, 1.0f};
    l[Panel::Editor] = {false, Dock::Bottom, 3.0f};
    l[Panel::TimeTravel] = {true, Dock::Left, 0.55f};
    l[Panel::Debugger] = {false, Dock::Bottom, 3.0f};
    return l;
}

WorkbenchRects layOut(const WorkbenchLayout& layout, float width, float height, float menuHeight) {
    WorkbenchRects r;
    const DockSizes s = dockSizes(layout, width, height, menuHeight);
    const float below = std::max(0.0f, height - menuHeight);
    const float centre = std::max(0.0f, width - s.left - s.right);
    r.arena = snapped(s.left, menuHeight, centre, below - s.bottom);
    // Each dock gives up a gap on its arena side, so no panel border touches the arena.
    stack(layout, Dock::Left, {0, menuHeight, std::max(0.0f, s.left - kPanelGap), below}, r);
    stack(layout, Dock::Right,
          {width - s.right + kPanelGap, menuHeight, std::max(0.0f, s.right - kPanelGap), below}, r);
    stack(layout, Dock::Bottom,
          {s.left, menuHeight + below - s.bottom + kPanelGap, centre,
           std::max(0.0f, s.bottom - kPanelGap)},
          r);
    return r;
}

WorkbenchLayout resizedBy(const WorkbenchLayout& layout, Panel panel, const LayoutRect& given,
                          const LayoutRect& actual, float width, float height, float menuHeight) {
    WorkbenchLayout out = layout;
    if (width <= 0 || height <= menuHeight || given.w <= 0 || given.h <= 0)
        return out; // nothing was given, so nothing was resized
    const float below = height - menuHeight;
    const WorkbenchRects rects = layOut(layout, width, height, menuHeight);
    const Dock dock = layout[panel].dock;
    const std::vector<Panel> stacked = openIn(layout, dock);
    const auto at = std::find(stacked.begin(), stacked.end(), panel) - stacked.begin();
    const Panel* previous = at > 0 ? &stacked[size_t(at - 1)] : nullptr;
    const Panel* next = size_t(at + 1) < stacked.size() ? &stacked[size_t(at + 1)] : nullptr;

    // The edge towards the arena moves the dock; edges between neighbours move their boundary.
    if (dock == Dock::Left && changed(actual.right(), given.right()))
        out.leftFraction = (actual.right() + kPanelGap) / width;
    if (dock == Dock::Right && changed(actual.x, given.x))
        out.rightFraction = (width - actual.x + kPanelGap) / width;
    if (dock == Dock::Bottom) {
        if (changed(actual.x, given.x))
            out.leftFraction = actual.x / width;
        if (changed(actual.right(), given.right()))
            out.rightFraction = (width - actual.right()) / width;
        if (!previous && changed(actual.y, given.y))
            out.bottomFraction = (height - actual.y + kPanelGap) / below;
    }
    if (previous && changed(actual.y, given.y))
        moveBoundary(out, rects, stacked, *previous, panel, actual.y - given.y);
    if (next && changed(actual.bottom(), given.bottom()))
        moveBoundary(out, rects, stacked, panel, *next, actual.bottom() - given.bottom());

    // Keep what was asked within what layOut can honour, so the saved layout means what it shows.
    const DockSizes s = dockSizes(out, width, height, menuHeight);
    if (s.left > 0)
        out.leftFraction = s.left / width;
    if (s.right > 0)
        out.rightFraction = s.right / width;
    if (s.bottom > 0)
        out.bottomFraction = s.bottom / below;
    return out;
}

} // namespace game
