#include "game/app/options.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <vector>

namespace {
std::optional<game::AppOptions> parse(std::initializer_list<const char*> args, int* code) {
    std::vector<char*> argv{const_cast<char*>("arena")};
    for (const char* a : args)
        argv.push_back(const_cast<char*>(a));
    return game::parseOptions(int(argv.size()), argv.data(), code);
}
} // namespace

TEST(Options, HeadlessFlagsParse) {
    int code = -1;
    auto o = parse({"--headless", "--ticks", "50", "--seed", "9", "--enemies", "10", "--stats-json",
                    "x.json", "--pool", "3", "--vm-memory", "32", "--think-budget", "50"},
                   &code);
    ASSERT_TRUE(o);
    EXPECT_EQ(code, 0);
    EXPECT_EQ(o->mode, game::AppMode::Headless);
    EXPECT_EQ(o->ticks, 50u);
    EXPECT_EQ(o->seed, 9u);
    EXPECT_EQ(o->enemies, 10);
    EXPECT_EQ(o->statsJson, "x.json");
    EXPECT_TRUE(o->autopilot);
    EXPECT_EQ(o->pool, 3);
    EXPECT_EQ(o->vmMemoryMb, 32);
    EXPECT_EQ(o->thinkBudget, 50);
}

TEST(Options, DefaultScriptsFolderDoesNotDependOnTheWorkingDirectory) {
    int code = -1;
    auto o = parse({}, &code);
    ASSERT_TRUE(o);
    EXPECT_EQ(o->mode, game::AppMode::Window);
    EXPECT_EQ(o->scriptsDir, std::string(ARENA_SOURCE_DIR) + "/scripts");
}

TEST(Options, BadFlagsAreRejectedWithCodeTwo) {
    for (auto args : {std::initializer_list<const char*>{"--bogus"},
                      {"--ticks", "5"}, // needs --headless
                      {"--headless", "--ticks", "zero"},
                      {"--headless", "--ticks", "0"},
                      {"--headless", "--screenshot", "a.png"}, // exclusive modes
                      {"--scripts", "/no/such/folder"},
                      {"--enemies", "-4"},
                      {"--vm-memory", "2048"}}) { // past kMaxVmMemoryBytes
        int code = 0;
        EXPECT_FALSE(parse(args, &code));
        EXPECT_EQ(code, 2) << *args.begin(); // the README's code, whatever CLI11's own would be
    }
}

TEST(Options, HelpExitsWithZero) {
    int code = -1;
    testing::internal::CaptureStdout();
    EXPECT_FALSE(parse({"--help"}, &code));
    const std::string out = testing::internal::GetCapturedStdout();
    EXPECT_EQ(code, 0);
    EXPECT_NE(out.find("--headless"), std::string::npos);
}

TEST(Options, TheScreenShakeIsOnUnlessNoShakeIsGiven) {
    int code = -1;
    auto o = parse({}, &code);
    ASSERT_TRUE(o);
    EXPECT_TRUE(o->screenShake);
    o = parse({"--no-shake"}, &code);
    ASSERT_TRUE(o);
    EXPECT_FALSE(o->screenShake);
    o = parse({"--screenshot", "x.png", "--no-shake"}, &code);
    ASSERT_TRUE(o);
    EXPECT_FALSE(o->screenShake);
}

TEST(Options, SoundAndQuitAfterFlagsParse) {
    int code = -1;
    auto o = parse({}, &code);
    ASSERT_TRUE(o);
    EXPECT_FALSE(o->mute);
    EXPECT_EQ(o->quitAfterSeconds, 0.0);
    o = parse({"--mute", "--quit-after-seconds", "2.5"}, &code);
    ASSERT_TRUE(o);
    EXPECT_EQ(code, 0);
    EXPECT_TRUE(o->mute);
    EXPECT_EQ(o->quitAfterSeconds, 2.5);
    EXPECT_FALSE(parse({"--headless", "--quit-after-seconds", "1"}, &code)); // the window's only
    EXPECT_EQ(code, 2);
    EXPECT_FALSE(parse({"--quit-after-seconds", "-1"}, &code));
    EXPECT_EQ(code, 2);
}
