// The window's sound, end to end: `arena` in window mode, rendered offscreen, with SDL's `disk`
// audio driver writing the mixed stream to a file. The attract mode's autopilot plays (spawns,
// shoots, kills), so a few seconds of it must be heard, and never past [-1, 1].
#include "game/temp_paths.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {
struct WindowRun {
    int exitCode = -1;
    std::vector<float> samples; // interleaved stereo float32, as the disk driver wrote them
    std::string errors;         // stderr
};

WindowRun runWindow(const std::string& name, const std::string& driver, const std::string& args) {
    const auto raw = testing_support::processTempPath("arena_audio_" + name + ".raw");
    const auto err = testing_support::processTempPath("arena_audio_" + name + ".err");
    std::filesystem::remove(raw);
    const std::string cmd = "SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=" + driver +
                            " SDL_DISKAUDIOFILE=" + raw.string() + " " +
                            std::string(ARENA_BINARY_DIR) + "/arena --width 640 --height 360 " +
                            args + " > /dev/null 2> " + err.string();
    WindowRun run;
    run.exitCode = std::system(cmd.c_str());
    std::ifstream in(raw, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
    run.samples.resize(bytes.size() / sizeof(float));
    if (!run.samples.empty()) // no device, no file: memcpy of nothing from null is undefined
        std::memcpy(run.samples.data(), bytes.data(), run.samples.size() * sizeof(float));
    std::stringstream text;
    text << std::ifstream(err).rdbuf();
    run.errors = text.str();
    std::filesystem::remove(raw); // named for this process: would pile up
    std::filesystem::remove(err);
    return run;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}
} // namespace

TEST(GameAudio, ARoundInTheWindowIsHeardAndStaysInRange) {
    const WindowRun run = runWindow("play", "disk", "--quit-after-seconds 5");
    ASSERT_EQ(run.exitCode, 0) << run.errors;
    EXPECT_EQ(count(run.errors, "no sound"), 0u) << run.errors;
    ASSERT_GT(run.samples.size(), 48000u); // more than half a second of stereo was played
    size_t audible = 0;
    for (float s : run.samples) {
        ASSERT_TRUE(std::isfinite(s));
        ASSERT_LE(std::abs(s), 1.0f);
        audible += std::abs(s) > 1e-3f;
    }
    EXPECT_GT(audible, 4800u); // not one stray click: sounds were played
}

TEST(GameAudio, MutedTheDeviceRunsButEverySampleIsZero) {
    const WindowRun run = runWindow("muted", "disk", "--mute --quit-after-seconds 3");
    ASSERT_EQ(run.exitCode, 0) << run.errors;
    ASSERT_GT(run.samples.size(), 0u);
    for (float s : run.samples)
        ASSERT_EQ(s, 0.0f);
}

TEST(GameAudio, NoDeviceIsOneWarningAndTheGameGoesOn) {
    const WindowRun run = runWindow("none", "no-such-driver", "--quit-after-seconds 2");
    EXPECT_EQ(run.exitCode, 0) << run.errors;
    EXPECT_EQ(count(run.errors, "no sound"), 1u) << run.errors;
}
