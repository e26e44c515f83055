#include "game/app/best_score.h"
#include "scripting/hook_commands.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

TEST(BestScore, SurvivesTheRoundTripAndABadFileReadsAsZero) {
    const std::string dir = testing::TempDir() + "arena_best_score";
    std::filesystem::remove_all(dir);
    const std::string path = dir + "/arena/best-score";
    EXPECT_EQ(game::loadBestScore(path), 0) << "no file yet";
    std::string error;
    ASSERT_TRUE(game::saveBestScore(path, 12345, &error)) << error;
    EXPECT_EQ(game::loadBestScore(path), 12345);
    for (const char* bad : {"", "lots", "-5", "12 13", "99999999999999999999",
                            "1125899906842625" /* kMaxScore + 1 */}) {
        std::ofstream(path) << bad;
        EXPECT_EQ(game::loadBestScore(path), 0) << bad;
    }
    std::ofstream(path) << scripting::kMaxScore << "\n";
    EXPECT_EQ(game::loadBestScore(path), scripting::kMaxScore);
    std::filesystem::remove_all(dir);
}

TEST(BestScore, ThePathFollowsXdgDataHomeThenHome) {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    const std::string savedXdg = xdg ? xdg : "", savedHome = home ? home : "";
    setenv("XDG_DATA_HOME", "/tmp/xdg-data-test", 1);
    EXPECT_EQ(game::bestScorePath(), "/tmp/xdg-data-test/arena/best-score");
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/tmp/home-test", 1);
    EXPECT_EQ(game::bestScorePath(), "/tmp/home-test/.local/share/arena/best-score");
    if (xdg)
        setenv("XDG_DATA_HOME", savedXdg.c_str(), 1);
    if (home)
        setenv("HOME", savedHome.c_str(), 1);
    else
        unsetenv("HOME");
}

TEST(BestScore, TheWindowsFileKeepsOnlyABetterScore) {
    const std::string dir = testing::TempDir() + "arena_best_score_file";
    std::filesystem::remove_all(dir);
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const std::string savedXdg = xdg ? xdg : "";
    setenv("XDG_DATA_HOME", dir.c_str(), 1);
    {
        game::BestScoreFile file;
        EXPECT_EQ(file.stored(), 0);
        file.offer(0);
        EXPECT_FALSE(std::filesystem::exists(game::bestScorePath())) << "nothing to keep yet";
        file.offer(500);
        file.offer(300);
        EXPECT_EQ(file.stored(), 500);
    }
    EXPECT_EQ(game::loadBestScore(game::bestScorePath()), 500);
    EXPECT_EQ(game::BestScoreFile().stored(), 500) << "the next session starts from it";
    if (xdg)
        setenv("XDG_DATA_HOME", savedXdg.c_str(), 1);
    else
        unsetenv("XDG_DATA_HOME");
    std::filesystem::remove_all(dir);
}
