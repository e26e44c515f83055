// Scenario 15: a million scripted enemies on the pool (issue 18's yardstick): the full headless
// tick by phase and the process's resident memory, at 1,000,000 enemies, 2 VMs, every script,
// hooks and the director. Minutes of work and ~0.5 GB: never in --quick.
#include "game/sim/game.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "bench_common.h"

namespace bench {

namespace {
// VmRSS from /proc/self/status, in MiB (0 where there is no /proc).
double residentMiB() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0;
}
} // namespace

nlohmann::json million(const Settings& s) {
    std::printf(
        "\n15. A million enemies: full headless tick by phase and resident memory, 2 VMs\n");
    if (s.quick) {
        std::printf("   (not in --quick: run arena-bench --only million)\n");
        return {{"skipped", "not in --quick"}};
    }
    const int enemies = 1000000;
    const double before = residentMiB();
    game::GameSession session = warmGame(s, enemies);
    if (!session.game)
        return {};
    std::vector<double> tickMs;
    game::PhaseTimes sum;
    const int ticks = 20;
    for (int t = 0; t < ticks; ++t) {
        const auto start = std::chrono::steady_clock::now();
        session.game->step(nullptr);
        tickMs.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        for (size_t p = 0; p < sum.ms.size(); ++p)
            sum.ms[p] += session.game->lastTickTimes().ms[p];
    }
    const Stat st = summarize(tickMs);
    nlohmann::json phases = nlohmann::json::object();
    std::string text;
    for (size_t p = 0; p < sum.ms.size(); ++p) {
        char b[48];
        std::snprintf(b, sizeof b, "%s %.1f  ", game::kPhaseNames[p], sum.ms[p] / ticks);
        text += b;
        phases[game::kPhaseNames[p]] = sum.ms[p] / ticks;
    }
    const double rss = residentMiB();
    std::printf("   %zu enemies: %.1f ms/tick [%.1f-%.1f] (%.1f ticks/s): %s\n",
                session.game->world().enemies.size(), st.median, st.min, st.max, 1000.0 / st.median,
                text.c_str());
    std::printf("   resident memory %.0f MiB (%.0f MiB before the game started)\n", rss, before);
    return {{"enemies", session.game->world().enemies.size()},
            {"tick_ms", toJson(st)},
            {"phase_ms", phases},
            {"resident_mib", rss},
            {"resident_mib_before", before}};
}

} // namespace bench
