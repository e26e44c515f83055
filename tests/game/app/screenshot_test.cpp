// Runs `arena --screenshot` offscreen (no X server, no GPU: EGL + llvmpipe) and checks what matters
// in the picture: the arena is drawn, enemies are in it. Not a pixel-exact comparison.
#include "game/shipped_types.h"
#include "game/temp_paths.h"

#include <gtest/gtest.h>
#include <stb/stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
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
std::vector<Rgb> enemyColors() {
    std::vector<Rgb> colors; // the scripts' own, read the way the game does
    for (const engine::EnemyType& t : testing_support::shippedEnemyTypes())
        colors.push_back(fromRgba(t.color));
    return colors;
}

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
};

// Runs arena with `args`, returns its stdout; the "arena: rect NAME x y w h" lines go to *rects.
std::string runArena(const std::string& args, std::map<std::string, Rect>* rects) {
    const auto out = testing_support::processTempPath("arena_screenshot_stdout.txt");
    const std::string cmd = std::string(ARENA_BINARY_DIR) + "/arena " + args + " > " + out.string();
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::ifstream in(out);
    std::filesystem::remove(out); // (still open for reading)
    std::string text, line;
    while (std::getline(in, line)) {
        text += line + "\n";
        const std::string prefix = "arena: rect ";
        if (line.rfind(prefix, 0) != 0)
            continue;
        std::string name = line.substr(prefix.size());
        size_t end = name[0] == '"' ? name.find('"', 1) + 1 : name.find(' ');
        std::istringstream numbers(name.substr(end));
        name = name.substr(0, end);
        if (name.front() == '"')
            name = name.substr(1, name.size() - 2);
        Rect r;
        numbers >> r.x >> r.y >> r.w >> r.h;
        (*rects)[name] = r;
    }
    return text;
}

struct Image {
    int w = 0, h = 0;
    std::vector<unsigned char> rgb;
    const unsigned char* at(int x, int y) const { return rgb.data() + 3 * (size_t(y) * w + x); }
};

Image load(const std::filesystem::path& png) {
    Image img;
    int channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &img.w, &img.h, &channels, 3);
    EXPECT_NE(pixels, nullptr) << stbi_failure_reason();
    std::filesystem::remove(png); // read once: uniqueTemp's names would pile up
    if (pixels) {
        img.rgb.assign(pixels, pixels + size_t(img.w) * img.h * 3);
        stbi_image_free(pixels);
    }
    return img;
}

// Pixels of r for which pred holds.
template <class Pred> size_t count(const Image& img, const Rect& r, Pred pred) {
    size_t n = 0;
    for (int y = std::max(0, r.y); y < std::min(img.h, r.y + r.h); ++y)
        for (int x = std::max(0, r.x); x < std::min(img.w, r.x + r.w); ++x)
            n += pred(img.at(x, y));
    return n;
}
} // namespace

TEST(Screenshot, ShowsTheArenaWithEnemiesArriving) {
    const auto png = testing_support::processTempPath("arena_screenshot_test.png");
    std::filesystem::remove(png);
    const std::string cmd = std::string(ARENA_BINARY_DIR) + "/arena --screenshot " + png.string() +
                            " --frames 900 --seed 2 --enemies 120 > /dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;

    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &channels, 3);
    std::filesystem::remove(png);
    ASSERT_NE(pixels, nullptr) << stbi_failure_reason();
    EXPECT_EQ(w, 1280);
    EXPECT_EQ(h, 720);

    const Rgb floor = fromRgba(0x10141dff);
    const std::vector<Rgb> enemyColors = ::enemyColors();
    size_t floorPixels = 0, enemyPixels = 0;
    std::vector<size_t> perType(enemyColors.size(), 0);
    std::set<uint32_t> distinct;
    for (int i = 0; i < w * h; ++i) {
        const unsigned char* px = pixels + 3 * i;
        distinct.insert(uint32_t(px[0]) << 16 | uint32_t(px[1]) << 8 | px[2]);
        floorPixels += near(px, floor, 3);
        for (size_t t = 0; t < enemyColors.size(); ++t)
            if (near(px, enemyColors[t], 12)) {
                ++enemyPixels;
                ++perType[t];
                break;
            }
    }
    stbi_image_free(pixels);
    EXPECT_GT(distinct.size(), 50u) << "the image is (nearly) one colour";
    EXPECT_GT(floorPixels, size_t(w * h) / 3) << "the arena floor is missing";
    EXPECT_GT(enemyPixels, 60u) << "no enemies drawn";
    // The types on screen keep their own colours (hit flashes whiten only the enemies just hit),
    // and no two types' colours are so close that one tolerance box catches both.
    size_t typesSeen = 0;
    for (size_t n : perType)
        typesSeen += n >= 20;
    EXPECT_GE(typesSeen, 3u) << "fewer than three enemy types show their colour";
    for (size_t a = 0; a < enemyColors.size(); ++a) {
        const Rgb& c = enemyColors[a];
        const unsigned char px[3] = {uint8_t(c.r), uint8_t(c.g), uint8_t(c.b)};
        for (size_t b = a + 1; b < enemyColors.size(); ++b)
            EXPECT_FALSE(near(px, enemyColors[b], 24))
                << "enemy types " << a << " and " << b << " would be counted as one colour";
    }
}

TEST(Screenshot, AFolderWhoseOnlyScriptIsBrokenStillStartsAndSaysWhy) {
    // It used to end in a segmentation fault after the message.
    const auto dir = testing_support::processTempPath("arena_screenshot_broken");
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

TEST(Screenshot, WithEveryPanelOpenTheArenaStaysInViewWithItsHud) {
    const auto png = testing_support::processTempPath("arena_screenshot_overlay.png");
    std::filesystem::remove(png);
    std::map<std::string, Rect> rects;
    const std::string out = runArena(
        "--screenshot " + png.string() + " --overlay --frames 240 --enemies 150 --seed 3", &rects);
    const Image img = load(png);
    ASSERT_FALSE(img.rgb.empty());
    ASSERT_EQ(img.w, 1280);
    ASSERT_EQ(img.h, 720);
    ASSERT_TRUE(rects.count("arena")) << out;
    const Rect arena = rects["arena"];
    for (const char* panel :
         {"VM pool", "Scripts", "Inspector", "Frame", "Controls", "Error console"})
        EXPECT_TRUE(rects.count(panel)) << panel << " is not open:\n" << out;
    // The arena is a real part of the window, not a strip between panels.
    EXPECT_GT(arena.w, img.w * 2 / 5) << out;
    EXPECT_GT(arena.h, img.h * 2 / 5) << out;
    for (const auto& [name, r] : rects) {
        if (name == "arena" || name == "world")
            continue;
        const bool apart = r.x + r.w <= arena.x || arena.x + arena.w <= r.x ||
                           r.y + r.h <= arena.y || arena.y + arena.h <= r.y;
        EXPECT_TRUE(apart) << name << " overlaps the arena:\n" << out;
    }

    // In the arena's rectangle: mostly floor, and enemies.
    const Rgb floor = fromRgba(0x10141dff);
    const std::vector<Rgb> colors = enemyColors();
    const size_t floorPixels =
        count(img, arena, [&](const unsigned char* px) { return near(px, floor, 3); });
    const size_t enemyPixels = count(img, arena, [&](const unsigned char* px) {
        for (const Rgb& c : colors)
            if (near(px, c, 12))
                return true;
        return false;
    });
    EXPECT_GT(floorPixels, size_t(arena.w * arena.h) / 3) << "the arena is covered";
    EXPECT_GT(enemyPixels, 60u) << "no enemies visible in the arena";
    // The whole world fits in the rectangle, under the HUD's bar: its border runs down both of
    // the world's sides (drawn for the whole window, they would be under the panels).
    ASSERT_TRUE(rects.count("world")) << out;
    const Rect world = rects["world"];
    EXPECT_GE(world.x, arena.x - 1);
    EXPECT_GE(world.y, arena.y + 10) << "the world starts under the HUD's bar";
    EXPECT_LE(world.x + world.w, arena.x + arena.w + 1);
    EXPECT_LE(world.y + world.h, arena.y + arena.h + 1);
    EXPECT_GT(world.w, arena.w * 9 / 10) << "the world is a sliver of its rectangle";
    const Rgb border = fromRgba(0x3b4d6eff);
    const auto isBorder = [&](const unsigned char* px) { return near(px, border, 24); };
    EXPECT_GT(count(img, Rect{world.x - 3, world.y, 6, world.h}, isBorder), size_t(world.h) / 2);
    EXPECT_GT(count(img, Rect{world.x + world.w - 3, world.y, 6, world.h}, isBorder),
              size_t(world.h) / 2);
    // Outside it, the panels: ImGui's dark window background, opaque.
    const Rgb windowBg{15, 15, 15};
    const Rect left{0, arena.y, arena.x, img.h - arena.y};
    EXPECT_GT(count(img, left, [&](const unsigned char* px) { return near(px, windowBg, 2); }),
              size_t(left.w * left.h) / 3)
        << "no opaque panel left of the arena";
    // The HUD is the bar across the arena's top, above the world: its text is near-white.
    const Rect hud{arena.x, arena.y, arena.w, world.y - arena.y};
    const size_t hudText = count(img, hud, [](const unsigned char* px) {
        return px[0] > 200 && px[1] > 200 && px[2] > 200;
    });
    EXPECT_GT(hudText, 300u) << "no HUD above the world";
}

TEST(Screenshot, TheEditorShowsLineNumbersAndMarksTheBrokenLine) {
    // A copy of the scripts whose chaser does not load: its line 15 is an error.
    const auto dir = testing_support::processTempPath("arena_screenshot_editor");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::filesystem::copy(std::string(ARENA_SOURCE_DIR) + "/scripts", dir / "scripts",
                          std::filesystem::copy_options::recursive);
    const auto chaser = dir / "scripts" / "enemies" / "chaser.lua";
    std::string text;
    {
        std::ifstream in(chaser);
        std::string line;
        for (int n = 1; std::getline(in, line); ++n)
            text += line + (n == 14 ? " +" : "") + "\n"; // `local s = self.speed +` then `return`
    }
    { std::ofstream(chaser) << text; }
    const auto png = dir / "shot.png";
    std::map<std::string, Rect> rects;
    const std::string out =
        runArena("--screenshot " + png.string() + " --overlay --frames 60" + " --scripts " +
                     (dir / "scripts").string() + " --editor enemies/chaser.lua 2>/dev/null",
                 &rects);
    const Image img = load(png);
    ASSERT_FALSE(img.rgb.empty());
    ASSERT_TRUE(rects.count("Script editor")) << out;
    ASSERT_TRUE(rects.count("arena")) << out;
    const Rect editor = rects["Script editor"];
    const Rect arena = rects["arena"];
    const bool apart = editor.x + editor.w <= arena.x || arena.x + arena.w <= editor.x ||
                       editor.y + editor.h <= arena.y || arena.y + arena.h <= editor.y;
    EXPECT_TRUE(apart) << "the editor covers the arena:\n" << out;

    // The marked line: a dark red band across most of the editor's width, several pixels tall.
    int bandRows = 0;
    for (int y = editor.y; y < editor.y + editor.h; ++y) {
        int red = 0;
        for (int x = editor.x; x < editor.x + editor.w; ++x) {
            const unsigned char* px = img.at(x, y);
            red += px[0] > px[1] + 25 && px[0] > px[2] + 25 && px[0] < 140;
        }
        bandRows += red > editor.w / 2;
    }
    EXPECT_GE(bandRows, 8) << "no marked error line in the editor";
    // The gutter: line numbers, light digits in a strip at the editor's left edge, below its
    // header, on a background darker than the text's.
    const Rect gutter{editor.x + 4, editor.y + 70, 36, editor.h - 80};
    const size_t digits =
        count(img, gutter, [](const unsigned char* px) { return px[1] > 90 && px[2] > 90; });
    EXPECT_GT(digits, 150u) << "no line numbers in the editor's gutter";
    std::filesystem::remove_all(dir);
}

TEST(Screenshot, AStandingPlayerEndsOnTheGameOverSummary) {
    // The same seed and frames, the autopilot playing vs nobody at the controls: only the second
    // ends its round, and its picture has the summary's dark panel in the middle of the world.
    std::map<std::string, Rect> rects;
    const auto shot = [&](const char* name, const char* extra) {
        const auto png = testing_support::processTempPath(name);
        std::filesystem::remove(png);
        runArena("--screenshot " + png.string() + " --frames 1500 --seed 2 " + extra, &rects);
        return load(png);
    };
    const Image over = shot("arena_gameover.png", "--no-autopilot");
    const Image playing = shot("arena_playing.png", "");
    ASSERT_FALSE(over.rgb.empty() || playing.rgb.empty());
    ASSERT_TRUE(rects.count("arena"));
    const Rect arena = rects["arena"];
    const Rect middle{arena.x + arena.w / 2 - 150, arena.y + arena.h / 2 - 90, 300, 180};
    const Rgb panel{15, 16, 17}; // ImGui's window background at 85% over the floor
    const auto isPanel = [&](const unsigned char* px) { return near(px, panel, 2); };
    const auto isText = [](const unsigned char* px) {
        return px[0] > 200 && px[1] > 200 && px[2] > 200;
    };
    EXPECT_GT(count(over, middle, isPanel), 12000u) << "no summary over the stopped world";
    EXPECT_GT(count(over, middle, isText), 400u) << "the summary has no text";
    EXPECT_LT(count(playing, middle, isPanel), 2000u) << "a summary while the autopilot plays";
}

// A recording replayed in a screenshot with the debugger on one think: the Think debugger and
// Time travel panels are there, apart from the arena, and the line being stepped carries the
// debugger's amber band.
TEST(Screenshot, TheDebuggerShowsATracedThinkOfAReplay) {
    const auto dir = testing_support::processTempPath("arena_screenshot_debugger");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto rec = dir / "run.arenarec";
    std::map<std::string, Rect> rects;
    runArena("--headless --ticks 300 --seed 4 --record " + rec.string(), &rects);
    // Ask for nobody: the answer lists who is alive at tick 300.
    const auto who = dir / "who.txt";
    std::system((std::string(ARENA_BINARY_DIR) + "/arena --replay " + rec.string() +
                 " --trace-think 0:0 --at-tick 300 2> " + who.string())
                    .c_str());
    std::ifstream in(who);
    const std::string list((std::istreambuf_iterator<char>(in)), {});
    const size_t at = list.find("alive then: ");
    ASSERT_NE(at, std::string::npos) << list;
    const std::string id = list.substr(at + 12, list.find(' ', at + 12) - at - 12);
    const auto png = dir / "shot.png";
    const std::string out = runArena("--replay " + rec.string() + " --screenshot " + png.string() +
                                         " --overlay --frames 303 --trace-think " + id +
                                         " --at-tick 300 --trace-step 2 2>&1",
                                     &rects);
    ASSERT_TRUE(rects.count("Think debugger")) << out;
    ASSERT_TRUE(rects.count("Time travel")) << out;
    const Rect dbg = rects["Think debugger"], arena = rects["arena"];
    EXPECT_TRUE(dbg.x + dbg.w <= arena.x || arena.x + arena.w <= dbg.x ||
                dbg.y + dbg.h <= arena.y || arena.y + arena.h <= dbg.y)
        << "the debugger covers the arena:\n"
        << out;
    const Image img = load(png);
    ASSERT_FALSE(img.rgb.empty());
    int bandRows = 0; // the stepped line: amber over the editor's dark background
    for (int y = dbg.y; y < dbg.y + dbg.h; ++y) {
        int amber = 0;
        for (int x = dbg.x; x < dbg.x + dbg.w / 2; ++x) {
            const unsigned char* px = img.at(x, y);
            amber += px[0] > px[2] + 12 && px[1] > px[2] + 6 && px[0] < 120;
        }
        bandRows += amber > dbg.w / 6;
    }
    EXPECT_GE(bandRows, 8) << "no stepped line in the debugger";
    std::filesystem::remove_all(dir);
}
