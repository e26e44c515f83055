#include "game/app/user_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

TEST(UserFiles, AtomicWritesReplaceAFileAndFailCleanlyOnAReadOnlyFolder) {
    const std::string dir = testing::TempDir() + "arena_atomic";
    std::filesystem::create_directories(dir);
    std::string error;
    ASSERT_TRUE(game::writeFileAtomically(dir + "/a.lua", "return 1", &error)) << error;
    ASSERT_TRUE(game::writeFileAtomically(dir + "/a.lua", "return 2", &error)) << error;
    std::ifstream in(dir + "/a.lua");
    std::string content((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(content, "return 2");
    EXPECT_FALSE(game::writeFileAtomically("/proc/arena-cannot-write/a.lua", "x", &error));
    EXPECT_NE(error.find("nothing was changed"), std::string::npos) << error;
    std::filesystem::remove_all(dir);
}
