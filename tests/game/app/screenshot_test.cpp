// Runs `arena --screenshot` offscreen (no X server, no GPU: EGL + llvmpipe) and checks what matters
// in the picture: the arena is drawn, enemies are in it. Not a pixel-exact comparison.
#include "scripting/think_phase.h"

#include <gtest/gtest.h>
#include <stb/stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace {
struct Rgb {
    int r, g, b;
};
Rgb fromRgba(uint32_t c) {
    return {int(c >> 24), int((c >> 16) & 0xff), int((c >> 8) & 0xff)};
}
bool near(const unsigned char* px, Rgb c, int tolerance) {
    return std::abs(px[0] - c.r) <= tolerance && std::abs(px[1] - c.g) <= tolerance &&
           std::abs(px[2] - c.b) <= tolerance;
}
} // namespace

TEST(Screenshot, ShowsTheArenaWithEnemiesArriving) {
    const auto png = std::filesystem::temp_directory_path() / "arena_screenshot_test.png";
    std::filesystem::remove(png);
    const std::string cmd = std::string(ARENA_BINARY_DIR) + "/arena --screenshot " + png.string() +
                            " --frames 900 --seed 2 > /dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;

    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &channels, 3);
    ASSERT_NE(pixels, nullptr) << stbi_failure_reason();
    EXPECT_EQ(w, 1280);
    EXPECT_EQ(h, 720);

    const Rgb floor = fromRgba(0x10141dff);
    // The enemy colours are the scripts' own: read them the way the game does.
    scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
    def.scriptsDir = std::string(ARENA_SOURCE_DIR) + "/scripts";
    def.poolSize = 1;
    std::string error;
    auto scripts = scripting::LuaThinkPhase::create(def, &error);
    ASSERT_TRUE(scripts) << error;
    std::vector<Rgb> enemyColors;
    for (const engine::EnemyType& t : scripts->types())
        enemyColors.push_back(fromRgba(t.color));
    size_t floorPixels = 0, enemyPixels = 0;
    std::set<uint32_t> distinct;
    for (int i = 0; i < w * h; ++i) {
        const unsigned char* px = pixels + 3 * i;
        distinct.insert(uint32_t(px[0]) << 16 | uint32_t(px[1]) << 8 | px[2]);
        floorPixels += near(px, floor, 3);
        for (const Rgb& c : enemyColors)
            if (near(px, c, 12)) {
                ++enemyPixels;
                break;
            }
    }
    stbi_image_free(pixels);
    EXPECT_GT(distinct.size(), 50u) << "the image is (nearly) one colour";
    EXPECT_GT(floorPixels, size_t(w * h) / 3) << "the arena floor is missing";
    EXPECT_GT(enemyPixels, 60u) << "no enemies drawn";
}

TEST(Screenshot, AFolderWhoseOnlyScriptIsBrokenStillStartsAndSaysWhy) {
    // It used to end in a segmentation fault after the message.
    const auto dir = std::filesystem::temp_directory_path() / "arena_screenshot_broken";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "enemies");
    { std::ofstream(dir / "enemies" / "only.lua") << "return {\n"; }
    const auto png = dir / "shot.png";
    const auto log = dir / "stderr.txt";
    const std::string cmd = std::string(ARENA_BINARY_DIR) + "/arena --screenshot " + png.string() +
                            " --frames 60 --scripts " + dir.string() + " > /dev/null 2> " +
                            log.string();
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    EXPECT_TRUE(std::filesystem::exists(png));
    std::ifstream in(log);
    const std::string err((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(err.find("enemies/only.lua:2: unexpected symbol near '<eof>'"), std::string::npos)
        << err;
    std::filesystem::remove_all(dir);
}
