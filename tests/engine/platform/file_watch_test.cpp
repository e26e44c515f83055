#include "engine/platform/file_watch.h"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {
struct Dir {
    fs::path root = fs::temp_directory_path() / ("arena_watch_" + std::to_string(::getpid()));
    Dir() {
        fs::remove_all(root);
        fs::create_directories(root / "enemies");
    }
    ~Dir() { fs::remove_all(root); }
    void write(const std::string& rel, const std::string& text) const {
        std::ofstream(root / rel) << text;
    }
};
} // namespace

TEST(FileWatch, ReportsASettledChangeOnceAfterTheDebounce) {
    Dir d;
    d.write("enemies/a.lua", "return 1");
    engine::FileWatchDef def;
    def.debounce = 100ms;
    def.pollInterval = 0ms;
    engine::FileWatch watch(d.root.string(), def);
    const auto t0 = engine::FileWatch::Clock::now();
    EXPECT_TRUE(watch.poll(t0).empty()) << "existing files are the baseline";
    std::this_thread::sleep_for(20ms); // a different mtime
    d.write("enemies/a.lua", "return 2 -- longer");
    d.write("enemies/b.lua", "return 3");
    const auto t1 = engine::FileWatch::Clock::now();
    EXPECT_TRUE(watch.poll(t1).empty()) << "not settled yet";
    EXPECT_TRUE(watch.poll(t1 + 50ms).empty());
    auto changes = watch.poll(t1 + 150ms);
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].path, "enemies/a.lua");
    EXPECT_EQ(changes[0].kind, engine::FileChange::Kind::Modified);
    EXPECT_EQ(changes[1].path, "enemies/b.lua");
    EXPECT_EQ(changes[1].kind, engine::FileChange::Kind::Added);
    EXPECT_TRUE(watch.poll(t1 + 300ms).empty()) << "reported once";
    fs::remove(d.root / "enemies/b.lua");
    changes = watch.poll(t1 + 400ms);
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].kind, engine::FileChange::Kind::Removed);
}

TEST(FileWatch, AFileStillBeingWrittenIsNotPickedUp) {
    Dir d;
    engine::FileWatchDef def;
    def.debounce = 100ms;
    def.pollInterval = 0ms;
    engine::FileWatch watch(d.root.string(), def);
    auto t = engine::FileWatch::Clock::now();
    for (int i = 0; i < 5; ++i) { // a slow writer: it grows every 60 ms
        std::ofstream(d.root / "enemies/slow.lua", std::ios::app) << "-- more\n";
        EXPECT_TRUE(watch.poll(t).empty()) << "write " << i;
        t += 60ms;
    }
    EXPECT_EQ(watch.poll(t + 200ms).size(), 1u);
}
