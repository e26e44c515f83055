#include "game/debug/workbench_layout.h"

#include <gtest/gtest.h>

namespace {
using game::Dock;
using game::LayoutRect;
using game::Panel;

bool overlaps(const LayoutRect& a, const LayoutRect& b) {
    return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && a.x < b.right() && b.x < a.right() &&
           a.y < b.bottom() && b.y < a.bottom();
}

void expectNoOverlapAndInside(const game::WorkbenchLayout& layout, float w, float h, float menu) {
    const game::WorkbenchRects r = game::layOut(layout, w, h, menu);
    EXPECT_GE(r.arena.w, game::kMinArenaSize - 0.01f);
    EXPECT_GE(r.arena.h, game::kMinArenaSize - 0.01f);
    for (size_t i = 0; i < game::kPanelCount; ++i) {
        const LayoutRect& p = r.panels[i];
        if (!layout.panels[i].open) {
            EXPECT_EQ(p.w * p.h, 0.0f) << game::panelTitle(Panel(i));
            continue;
        }
        EXPECT_FALSE(overlaps(p, r.arena)) << game::panelTitle(Panel(i)) << " covers the arena";
        EXPECT_GE(p.x, 0.0f);
        EXPECT_GE(p.y, menu) << game::panelTitle(Panel(i)) << " under the menu bar";
        EXPECT_LE(p.right(), w + 0.01f);
        EXPECT_LE(p.bottom(), h + 0.01f);
        for (size_t j = i + 1; j < game::kPanelCount; ++j)
            EXPECT_FALSE(overlaps(p, r.panels[j]))
                << game::panelTitle(Panel(i)) << " and " << game::panelTitle(Panel(j));
    }
}
} // namespace

TEST(WorkbenchLayout, NoPanelCoversTheArenaOrAnotherPanelAtCommonSizes) {
    game::WorkbenchLayout all = game::defaultWorkbenchLayout();
    for (auto& p : all.panels)
        p.open = true;
    for (auto [w, h] : {std::pair{1280.f, 720.f},
                        {1600.f, 900.f},
                        {1920.f, 1080.f},
                        {800.f, 600.f},
                        {2560.f, 1440.f}}) {
        SCOPED_TRACE(std::to_string(int(w)) + "x" + std::to_string(int(h)));
        expectNoOverlapAndInside(game::defaultWorkbenchLayout(), w, h, 19);
        expectNoOverlapAndInside(all, w, h, 19);
    }
}

TEST(WorkbenchLayout, TheDefaultKeepsTheWorldsShapeAt1280x720) {
    // The world is 1600×900: at 1280×720 the default arena must show it at least 60% as wide as
    // the window's centre column without letterboxing it into a sliver.
    const game::WorkbenchRects r = game::layOut(game::defaultWorkbenchLayout(), 1280, 720, 19);
    const float scale = std::min(r.arena.w / 1600.0f, r.arena.h / 900.0f);
    EXPECT_GT(1600.0f * scale, 0.9f * r.arena.w) << "the arena's width is mostly bars";
    EXPECT_GT(r.arena.w, 500.0f);
}

TEST(WorkbenchLayout, ClosingADocksPanelsGivesItsRoomToTheArena) {
    game::WorkbenchLayout l = game::defaultWorkbenchLayout();
    const float before = game::layOut(l, 1280, 720, 19).arena.w;
    l[Panel::Pool].open = l[Panel::Frame].open = l[Panel::Controls].open = false;
    l[Panel::TimeTravel].open = false;
    const game::WorkbenchRects r = game::layOut(l, 1280, 720, 19);
    EXPECT_EQ(r.arena.x, 0.0f);
    EXPECT_GT(r.arena.w, before);
    for (auto& p : l.panels)
        p.open = false;
    const game::WorkbenchRects none = game::layOut(l, 1280, 720, 19);
    EXPECT_EQ(none.arena.w, 1280.0f);
    EXPECT_EQ(none.arena.h, 720.0f - 19.0f);
}

TEST(WorkbenchLayout, ASplitIsAFractionSoItSurvivesAWindowResize) {
    const game::WorkbenchLayout l = game::defaultWorkbenchLayout();
    const game::WorkbenchRects small = game::layOut(l, 1280, 720, 19);
    const game::WorkbenchRects large = game::layOut(l, 2560, 1440, 19);
    const LayoutRect& a = small.panels[size_t(Panel::Pool)];
    const LayoutRect& b = large.panels[size_t(Panel::Pool)];
    EXPECT_NEAR((a.w + game::kPanelGap) / 1280.0f, (b.w + game::kPanelGap) / 2560.0f, 1e-4f);
}

TEST(WorkbenchLayout, DraggingTheEdgeTowardsTheArenaMovesTheDock) {
    const game::WorkbenchLayout l = game::defaultWorkbenchLayout();
    const game::WorkbenchRects r = game::layOut(l, 1280, 720, 19);
    const LayoutRect given = r.panels[size_t(Panel::Pool)];
    LayoutRect wider = given;
    wider.w += 50;
    const game::WorkbenchLayout after =
        game::resizedBy(l, Panel::Pool, given, wider, 1280, 720, 19);
    const game::WorkbenchRects r2 = game::layOut(after, 1280, 720, 19);
    EXPECT_NEAR(r2.panels[size_t(Panel::Pool)].w, given.w + 50, 0.5f);
    EXPECT_NEAR(r2.panels[size_t(Panel::Frame)].w, given.w + 50, 0.5f) << "the whole column";
    EXPECT_NEAR(r2.arena.x, r.arena.x + 50, 0.5f);

    // The right column's left edge, dragged left by 30.
    const LayoutRect ins = r.panels[size_t(Panel::Inspector)];
    LayoutRect moved = ins;
    moved.x -= 30;
    moved.w += 30;
    const game::WorkbenchRects r3 = game::layOut(
        game::resizedBy(l, Panel::Inspector, ins, moved, 1280, 720, 19), 1280, 720, 19);
    EXPECT_NEAR(r3.arena.right(), r.arena.right() - 30, 0.5f);

    // The bottom strip's top edge, dragged up by 40.
    const LayoutRect sc = r.panels[size_t(Panel::Scripts)];
    LayoutRect taller = sc;
    taller.y -= 40;
    taller.h += 40;
    const game::WorkbenchRects r4 =
        game::layOut(game::resizedBy(l, Panel::Scripts, sc, taller, 1280, 720, 19), 1280, 720, 19);
    EXPECT_NEAR(r4.arena.h, r.arena.h - 40, 0.5f);
}

TEST(WorkbenchLayout, DraggingTheEdgeBetweenNeighboursMovesOnlyThatBoundary) {
    const game::WorkbenchLayout l = game::defaultWorkbenchLayout();
    const game::WorkbenchRects r = game::layOut(l, 1280, 720, 19);
    const LayoutRect pool = r.panels[size_t(Panel::Pool)];
    LayoutRect taller = pool;
    taller.h += 25;
    const game::WorkbenchRects r2 =
        game::layOut(game::resizedBy(l, Panel::Pool, pool, taller, 1280, 720, 19), 1280, 720, 19);
    EXPECT_NEAR(r2.panels[size_t(Panel::Pool)].h, pool.h + 25, 0.5f);
    EXPECT_NEAR(r2.panels[size_t(Panel::Frame)].h, r.panels[size_t(Panel::Frame)].h - 25, 0.5f);
    EXPECT_NEAR(r2.panels[size_t(Panel::Controls)].h, r.panels[size_t(Panel::Controls)].h, 0.5f);
    EXPECT_EQ(r2.arena.x, r.arena.x);
}

TEST(WorkbenchLayout, NoDragShrinksTheArenaOrAPanelBelowItsMinimum) {
    const game::WorkbenchLayout l = game::defaultWorkbenchLayout();
    const game::WorkbenchRects r = game::layOut(l, 1280, 720, 19);
    const LayoutRect pool = r.panels[size_t(Panel::Pool)];
    LayoutRect huge = pool;
    huge.w = 5000;
    huge.h = 5000;
    const game::WorkbenchLayout after = game::resizedBy(l, Panel::Pool, pool, huge, 1280, 720, 19);
    expectNoOverlapAndInside(after, 1280, 720, 19);
    const game::WorkbenchRects r2 = game::layOut(after, 1280, 720, 19);
    EXPECT_GE(r2.panels[size_t(Panel::Frame)].h, game::kMinPanelSize - 0.01f);
}
