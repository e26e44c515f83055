// The record/replay/trace command line, run as a user runs it: a headless session recorded with
// --record replays with --replay on pools 1, 2 and 3 to its world_hash; a --watch run edited
// live (a good edit, then a broken one) replays from the file alone; --trace-think prints the
// think's lines and agrees with the game; bad files and bad ids exit with 2 and a message.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
const std::string kArena = std::string(ARENA_BINARY_DIR) + "/arena";

fs::path temp(const std::string& name) {
    return fs::temp_directory_path() /
           ("arena_replay_cli_" + std::to_string(::getpid()) + "_" + name);
}

// Exit code and stdout+stderr of a command.
int run(const std::string& args, std::string* output) {
    const fs::path out = temp("out.txt");
    const std::string cmd = kArena + " " + args + " > " + out.string() + " 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream in(out);
    *output = std::string(std::istreambuf_iterator<char>(in), {});
    fs::remove(out);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

nlohmann::json readJson(const fs::path& p) {
    std::ifstream in(p);
    nlohmann::json j;
    if (in)
        in >> j;
    return j;
}
} // namespace

TEST(ReplayCli, ARecordedRunReplaysToItsHashOnAnyPool) {
    const fs::path rec = temp("a.arenarec"), live = temp("live.json");
    std::string out;
    ASSERT_EQ(run("--headless --ticks 900 --seed 5 --enemies 150 --record " + rec.string() +
                      " --stats-json " + live.string(),
                  &out),
              0)
        << out;
    const std::string hash = readJson(live)["world_hash"];
    for (int pool : {1, 2, 3}) {
        const fs::path json = temp("replay" + std::to_string(pool) + ".json");
        ASSERT_EQ(run("--replay " + rec.string() + " --headless --pool " + std::to_string(pool) +
                          " --stats-json " + json.string(),
                      &out),
                  0)
            << out;
        const nlohmann::json j = readJson(json);
        EXPECT_EQ(j["world_hash"], hash) << "pool " << pool;
        EXPECT_EQ(j["replay"]["checkpoints"], 15);
        EXPECT_EQ(j["replay"]["checkpoints_matched"], 15);
        EXPECT_TRUE(j["replay"]["diverged"].is_null());
        EXPECT_NE(out.find("all 15 checkpoints matched"), std::string::npos) << out;
        fs::remove(json);
    }
    fs::remove(rec);
    fs::remove(live);
}

TEST(ReplayCli, TraceThinkPrintsTheLinesAndAgreesWithTheGame) {
    const fs::path rec = temp("t.arenarec");
    std::string out;
    ASSERT_EQ(run("--headless --ticks 400 --seed 2 --record " + rec.string(), &out), 0) << out;
    // Ask for an enemy that is not there: the message lists who is.
    ASSERT_EQ(run("--replay " + rec.string() + " --trace-think 999:9 --at-tick 400", &out), 2);
    const size_t list = out.find("alive then: ");
    ASSERT_NE(list, std::string::npos) << out;
    const std::string id = out.substr(list + 12, out.find(' ', list + 12) - list - 12);
    ASSERT_EQ(run("--replay " + rec.string() + " --trace-think " + id + " --at-tick 400", &out), 0)
        << out;
    EXPECT_NE(out.find("think of enemy " + id), std::string::npos) << out;
    EXPECT_NE(out.find("identical"), std::string::npos) << out;
    EXPECT_NE(out.find(".lua:"), std::string::npos) << out;
    ASSERT_EQ(
        run("--replay " + rec.string() + " --trace-think " + id + " --at-tick 400 --trace-json",
            &out),
        0)
        << out;
    const nlohmann::json j = nlohmann::json::parse(out);
    EXPECT_TRUE(j["identical"].get<bool>());
    EXPECT_GT(j["steps"].size(), 0u);
    EXPECT_EQ(j["tick"], 400);
    fs::remove(rec);
}

TEST(ReplayCli, BadFilesAndArgumentsExitWithTwoAndSaySo) {
    const fs::path rec = temp("b.arenarec");
    std::string out;
    ASSERT_EQ(run("--headless --ticks 120 --record " + rec.string(), &out), 0) << out;
    std::ifstream in(rec, std::ios::binary);
    const std::string bytes(std::istreambuf_iterator<char>(in), {});
    const fs::path bad = temp("bad.arenarec");
    const auto write = [&](const std::string& b) {
        std::ofstream(bad, std::ios::binary | std::ios::trunc) << b;
    };
    write(bytes.substr(0, bytes.size() / 2));
    EXPECT_EQ(run("--replay " + bad.string() + " --headless", &out), 2);
    EXPECT_NE(out.find("truncated"), std::string::npos) << out;
    std::string newer = bytes;
    newer[8] = 99;
    write(newer);
    EXPECT_EQ(run("--replay " + bad.string() + " --headless", &out), 2);
    EXPECT_NE(out.find("newer"), std::string::npos) << out;
    write("hello");
    EXPECT_EQ(run("--replay " + bad.string() + " --headless", &out), 2);
    EXPECT_NE(out.find("not an arena recording"), std::string::npos) << out;
    EXPECT_EQ(run("--replay " + rec.string() + " --trace-think nobody --at-tick 5", &out), 2);
    EXPECT_NE(out.find("not an enemy id"), std::string::npos) << out;
    EXPECT_EQ(run("--replay " + rec.string() + " --trace-think 1:1 --at-tick 500", &out), 2);
    EXPECT_NE(out.find("ticks 1..120"), std::string::npos) << out;
    fs::remove(bad);
    fs::remove(rec);
}

TEST(ReplayCli, ALiveEditedRunReplaysFromTheFileAlone) {
    const fs::path scripts = temp("scripts"), rec = temp("w.arenarec"), json = temp("w.json");
    fs::remove_all(scripts);
    fs::copy(fs::path(ARENA_SOURCE_DIR) / "scripts", scripts, fs::copy_options::recursive);
    const fs::path chaser = scripts / "enemies/chaser.lua";
    std::ifstream in(chaser);
    std::string text(std::istreambuf_iterator<char>(in), {});
    // Edits arrive while it runs at real speed: a good one at ~1 s, a broken one at ~2 s.
    const std::string cmd = kArena + " --headless --watch --realtime --ticks 240 --scripts " +
                            scripts.string() + " --record " + rec.string() + " --stats-json " +
                            json.string() + " > /dev/null 2>&1 &";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    ::usleep(1000 * 1000);
    std::ofstream(chaser, std::ios::trunc)
        << std::string(text).replace(text.find("0.45"), 4, "0.9");
    ::usleep(1000 * 1000);
    std::ofstream(chaser, std::ios::trunc) << "return { think = function( end }";
    for (int i = 0; i < 100 && !fs::exists(json); ++i)
        ::usleep(100 * 1000);
    ::usleep(300 * 1000);
    const nlohmann::json live = readJson(json);
    ASSERT_FALSE(live.is_null());
    EXPECT_GE(live["reloads_applied"].get<int>(), 1);
    EXPECT_GE(live["reloads_rejected"].get<int>(), 1);
    fs::remove_all(scripts); // the replay must not need the folder
    std::string out;
    const fs::path replayed = temp("w2.json");
    ASSERT_EQ(
        run("--replay " + rec.string() + " --headless --pool 2 --stats-json " + replayed.string(),
            &out),
        0)
        << out;
    const nlohmann::json j = readJson(replayed);
    EXPECT_EQ(j["world_hash"], live["world_hash"]);
    EXPECT_EQ(j["reloads_applied"], live["reloads_applied"]);
    EXPECT_EQ(j["reloads_rejected"], live["reloads_rejected"]);
    for (const fs::path& p : {rec, json, replayed})
        fs::remove(p);
}
