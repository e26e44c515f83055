// Scenario 10: every documented limit holds within a small factor. Hostile chunks, hooks, a
// director and thinks run against the default limits; the wall time each takes is compared with
// the limit it runs under (units stop deterministically, so those are much shorter than the time
// limit; the time limits stop what units cannot see, such as `..` on megabyte strings).
#include "game/app/game_setup.h"
#include "scripting/chunk_runner.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "bench_common.h"

namespace bench {

namespace {
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

struct Case {
    const char* name;
    const char* source;
};

// Chunks: the chunk limits (2,000,000 units, 1 s).
const Case kChunks[] = {
    {"endless loop", "while true do end"},
    {"tail-call loop", "local function f(n) return f(n + 1) end return f(1)"},
    {"upper() of 1 MiB, forever",
     "local s = ('x'):rep(1048576) while true do local t = s:upper() end"},
    {"sub() of 1 MiB, forever",
     "local s = ('x'):rep(1048576) while true do local t = s:sub(2) end"},
    {"rep() of 8 MiB, forever", "while true do local t = ('x'):rep(8388608) end"},
    {"table.concat of 1 MiB, forever",
     "local t = { ('x'):rep(1048576) } while true do local s = table.concat(t) end"},
    {"`..` of 1 MiB strings, forever",
     "local s = ('x'):rep(1048576) local n = 0 while true do n = n + #(s .. n) end"},
    {"pattern backtracking, forever",
     "local s = ('a'):rep(5000) while true do s:find('.-.-.-b') end"},
};

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// A headless game whose director (or one enemy type) is hostile: seconds per tick over `ticks`.
std::vector<double> playHostile(const fs::path& root, int ticks, int enemies = 0) {
    game::AppOptions options;
    options.scriptsDir = root.string();
    options.pool = 1;
    options.enemies = enemies;
    std::string error;
    game::GameSession session = game::makeGame(options, true, &error);
    std::vector<double> perTick;
    if (!session.game) {
        std::fprintf(stderr, "arena-bench: %s\n", error.c_str());
        return perTick;
    }
    session.think->errors().setOnNewEntry(nullptr); // the errors are the point: keep stderr quiet
    for (int t = 0; t < ticks; ++t) {
        const auto start = Clock::now();
        session.game->step(nullptr);
        perTick.push_back(secondsSince(start));
    }
    return perTick;
}

const char* kGoodEnemy =
    "return { name = 'Good', hp = 3, speed = 50, radius = 10, color = '#ffffff', score = 1,\n"
    "  think = function(self, world) return 0, 0 end }\n";
} // namespace

nlohmann::json limitsHold(const Settings& s) {
    const scripting::SandboxLimits limits = scripting::defaultSandboxLimits();
    std::printf("\n10. Limits: wall time of hostile calls against the limit they run under\n");
    std::printf("   %-44s %10s %12s %8s  %s\n", "what", "limit", "ran", "ratio", "stopped by");
    nlohmann::json out = nlohmann::json::array();
    std::string error;
    auto runner = scripting::ChunkRunner::create(limits, {}, &error);
    for (const Case& c : kChunks) {
        const auto start = Clock::now();
        const scripting::ChunkResult r =
            runner->run(scripting::ScriptFile{"hostile", "hostile.lua", "", c.source});
        const double ran = secondsSince(start);
        const char* by = r.value.find("time limit") != std::string::npos   ? "time"
                         : r.value.find("CPU budget") != std::string::npos ? "units"
                                                                           : r.value.c_str();
        std::printf("   chunk: %-37s %8.2f s %10.3f s %7.2fx  %s\n", c.name, limits.chunkSeconds,
                    ran, ran / limits.chunkSeconds, by);
        out.push_back({{"what", std::string("chunk: ") + c.name},
                       {"limit_s", limits.chunkSeconds},
                       {"ran_s", ran},
                       {"stopped_by", by}});
    }

    const fs::path root = fs::temp_directory_path() / "arena_bench_limits";
    const int ticks = s.quick ? 5 : 20;
    // The director runs every tick under the hook limits (200,000 units, 0.1 s).
    fs::remove_all(root);
    write(root / "enemies/good.lua", kGoodEnemy);
    write(root / "director.lua", "local s = ('x'):rep(1048576)\n"
                                 "return { update = function(state, info) local n = 0 while true "
                                 "do n = n + #(s .. n) end end }\n");
    {
        const Stat t = summarize(playHostile(root, ticks));
        std::printf("   director: `..` of 1 MiB strings, every tick   %8.2f s %10.3f s %7.2fx  "
                    "time (max %.3f s)\n",
                    limits.hookSeconds, t.median, t.median / limits.hookSeconds, t.max);
        out.push_back({{"what", "director: concat forever, every tick"},
                       {"limit_s", limits.hookSeconds},
                       {"tick_s", toJson(t)}});
    }
    write(root / "director.lua",
          "return { update = function(state, info) while true do end end }\n");
    {
        const Stat t = summarize(playHostile(root, ticks));
        std::printf("   director: endless loop, every tick             %8.2f s %10.3f s %7.2fx  "
                    "units (max %.3f s)\n",
                    limits.hookSeconds, t.median, t.median / limits.hookSeconds, t.max);
        out.push_back({{"what", "director: endless loop, every tick"},
                       {"limit_s", limits.hookSeconds},
                       {"tick_s", toJson(t)}});
    }
    // Five enemies whose think builds megabyte strings: the batch limit (0.25 s) stops them once,
    // then they idle (faulted).
    fs::remove(root / "director.lua");
    fs::remove(root / "enemies/good.lua");
    write(
        root / "enemies/hostile.lua",
        "local s = ('x'):rep(1048576)\n"
        "return { name = 'H', hp = 3, speed = 50, radius = 10, color = '#ff0000', score = 1,\n"
        "  think = function(self, world) local n = 0 while true do n = n + #(s .. n) end end }\n");
    {
        const std::vector<double> perTick = playHostile(root, 60, 5);
        double total = 0;
        int slow = 0;
        for (double t : perTick) {
            total += t;
            slow += t > limits.batchSeconds / 2;
        }
        const Stat t = summarize(perTick);
        std::printf("   think: 5 enemies building 1 MiB strings          %8.2f s %10.3f s %7.2fx  "
                    "time (worst of 60 ticks; "
                    "%d ticks reached the limit, 60 ticks took %.3f s)\n",
                    limits.batchSeconds, t.max, t.max / limits.batchSeconds, slow, total);
        out.push_back({{"what", "think: enemies building megabyte strings, 60 ticks"},
                       {"limit_s", limits.batchSeconds},
                       {"total_s", total},
                       {"ticks_at_limit", slow},
                       {"tick_s", toJson(t)}});
    }
    fs::remove_all(root);
    return out;
}

} // namespace bench
