#include "game/debug/layout_store.h"
#include "game/debug/overlay.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

TEST(LayoutStore, ALayoutSurvivesTheRoundTripThroughItsFile) {
    game::WorkbenchLayout l = game::defaultWorkbenchLayout();
    l.leftFraction = 0.2f;
    l.bottomFraction = 0.4f;
    l.pauseWhenOpen = false;
    l[game::Panel::Editor].open = true;
    l[game::Panel::Frame].open = false;
    l[game::Panel::Console].dock = game::Dock::Bottom;
    l[game::Panel::Scripts].weight = 2.5f;
    const std::string path = testing::TempDir() + "arena_layout_test/sub/overlay-layout.json";
    std::filesystem::remove_all(testing::TempDir() + "arena_layout_test");
    std::string error;
    ASSERT_TRUE(game::saveLayout(path, l, &error)) << error;
    game::WorkbenchLayout back;
    ASSERT_TRUE(game::loadLayout(path, &back, &error)) << error;
    EXPECT_FLOAT_EQ(back.leftFraction, 0.2f);
    EXPECT_FLOAT_EQ(back.bottomFraction, 0.4f);
    EXPECT_FALSE(back.pauseWhenOpen);
    EXPECT_TRUE(back[game::Panel::Editor].open);
    EXPECT_FALSE(back[game::Panel::Frame].open);
    EXPECT_EQ(back[game::Panel::Console].dock, game::Dock::Bottom);
    EXPECT_FLOAT_EQ(back[game::Panel::Scripts].weight, 2.5f);
    std::filesystem::remove_all(testing::TempDir() + "arena_layout_test");
}

TEST(LayoutStore, ABadFileIsRefusedWithAReasonAndChangesNothing) {
    game::WorkbenchLayout l = game::defaultWorkbenchLayout();
    l.leftFraction = 0.123f;
    std::string error;
    for (const char* bad :
         {"", "[1,2]", "{\"version\":1,\"left\":\"wide\",\"right\":0.3,\"bottom\":0.5}",
          "{\"version\":1,\"left\":7,\"right\":0.3,\"bottom\":0.5}",
          "{\"version\":99,\"left\":0.2,\"right\":0.3,\"bottom\":0.5}", "{nope"}) {
        error.clear();
        EXPECT_FALSE(game::layoutFromJson(bad, &l, &error)) << bad;
        EXPECT_FALSE(error.empty()) << bad;
        EXPECT_FLOAT_EQ(l.leftFraction, 0.123f) << bad;
    }
    // Unknown panels and bad entries keep their defaults; the rest is read.
    ASSERT_TRUE(game::layoutFromJson(
        R"({"version":1,"left":0.3,"right":0.3,"bottom":0.5,
            "panels":{"Inspector":{"open":false,"dock":"sideways","weight":-3},"Nope":{}}})",
        &l, &error))
        << error;
    EXPECT_FALSE(l[game::Panel::Inspector].open);
    EXPECT_EQ(l[game::Panel::Inspector].dock,
              game::defaultWorkbenchLayout()[game::Panel::Inspector].dock);
    EXPECT_GT(l[game::Panel::Inspector].weight, 0.0f);
}

TEST(LayoutStore, ThePathFollowsXdgConfigHomeThenHome) {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    const std::string savedXdg = xdg ? xdg : "", savedHome = home ? home : "";
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(game::overlayLayoutPath(), "/tmp/xdg-test/arena/overlay-layout.json");
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/tmp/home-test", 1);
    EXPECT_EQ(game::overlayLayoutPath(), "/tmp/home-test/.config/arena/overlay-layout.json");
    if (xdg)
        setenv("XDG_CONFIG_HOME", savedXdg.c_str(), 1);
    if (home)
        setenv("HOME", savedHome.c_str(), 1);
    else
        unsetenv("HOME");
}

TEST(LayoutStore, TheWindowReadsTheUsersLayoutAtStartAndWritesNothingUnchanged) {
    const std::string home = testing::TempDir() + "arena_layout_xdg";
    std::filesystem::remove_all(home);
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const std::string savedXdg = xdg ? xdg : "";
    setenv("XDG_CONFIG_HOME", home.c_str(), 1);
    game::WorkbenchLayout mine = game::defaultWorkbenchLayout();
    mine.rightFraction = 0.22f;
    std::string error;
    ASSERT_TRUE(game::saveLayout(game::overlayLayoutPath(), mine, &error)) << error;
    const auto written = std::filesystem::last_write_time(game::overlayLayoutPath());
    {
        game::Overlay overlay;
        game::OverlayLayoutFile file(overlay);
        EXPECT_FLOAT_EQ(overlay.layout().rightFraction, 0.22f);
        for (uint64_t frame = 0; frame < 200; ++frame)
            file.update(frame);
    }
    EXPECT_EQ(std::filesystem::last_write_time(game::overlayLayoutPath()), written);
    if (xdg)
        setenv("XDG_CONFIG_HOME", savedXdg.c_str(), 1);
    else
        unsetenv("XDG_CONFIG_HOME");
    std::filesystem::remove_all(home);
}
