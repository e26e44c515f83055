// Scenario 15: a million scripted enemies on the pool (issue 18's yardstick): the full headless
// tick by phase and the process's resident memory, at 1,000,000 enemies, 2 VMs, every script,
// hooks and the director. Minutes of work and ~0.5 GB: never in --quick.
#include "engine/core/parallel_ranges.h"
#include "engine/core/worker_pool.h"
#include "game/sim/game.h"
#include "scripting/think_phase.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "bench_common.h"

namespace bench {

namespace {
using Clock = std::chrono::steady_clock;

// A line of /proc/self/status ("VmRSS", "VmHWM") in MiB (0 where there is no /proc).
double statusMiB(const char* key) {
    std::ifstream in("/proc/self/status");
    const std::string prefix = std::string(key) + ":";
    for (std::string line; std::getline(in, line);)
        if (line.rfind(prefix, 0) == 0)
            return std::stod(line.substr(prefix.size())) / 1024.0;
    return 0;
}

// The machine's memory bandwidth, measured here so the floor below is this run's: a 256 MiB
// buffer summed by one and by two threads (read), and copied (read + write), best of 5, GB/s.
struct Bandwidth {
    double read1 = 0, read2 = 0, copy = 0;
};
Bandwidth measureBandwidth() {
    const size_t words = (size_t(256) << 20) / sizeof(uint64_t);
    std::vector<uint64_t> a(words, 1), b(words, 0);
    engine::WorkerPool pool(2);
    Bandwidth bw;
    const double bytes = double(words * sizeof(uint64_t));
    const auto gbps = [&](auto work, double moved) {
        double best = 0;
        for (int r = 0; r < 5; ++r) {
            const auto start = Clock::now();
            work();
            const double s = std::chrono::duration<double>(Clock::now() - start).count();
            best = std::max(best, moved / s / 1e9);
        }
        return best;
    };
    volatile uint64_t sink = 0;
    const auto sum = [&](size_t begin, size_t end) {
        uint64_t t = 0;
        for (size_t i = begin; i < end; ++i)
            t += a[i];
        sink = sink + t;
    };
    bw.read1 = gbps([&] { sum(0, words); }, bytes);
    bw.read2 = gbps(
        [&] {
            engine::parallelRanges(&pool, words, 2,
                                   [&](uint32_t, size_t begin, size_t end) { sum(begin, end); });
        },
        bytes);
    bw.copy = gbps([&] { std::memcpy(b.data(), a.data(), words * sizeof(uint64_t)); }, 2 * bytes);
    return bw;
}

// What each phase streams per enemy per tick in the usual tick (the per-enemy arrays kept in step
// since the last apply, which runs inside the think phase), from the records' sizes: the model
// the README's floor uses. Neighbour queries, which read the grid near each enemy, are left out.
struct PhaseBytes {
    double snapshot, think;
};
PhaseBytes bytesPerEnemy(double memoryBytesPerEnemy) {
    const double vec2 = sizeof(glm::vec2), enemy = sizeof(engine::Enemy),
                 point = sizeof(engine::GridPoint), index = 4;
    PhaseBytes b{};
    // The grid's two passes: position in, cell out; cell, position, velocity in; item, point,
    // slot out.
    b.snapshot = (vec2 + index) + (index + 2 * vec2 + index + point + index);
    // The record in and (moved, by the apply) back out, its order index in, position and
    // velocity out, its memory in and out. Its intent stays in the VM's batch buffer, in cache,
    // until the apply reads it; its randoms are computed only if its think reads them.
    b.think = 2 * enemy + index + 2 * vec2 + 2 * memoryBytesPerEnemy;
    return b;
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
    const double before = statusMiB("VmRSS");
    game::GameSession session = warmGame(s, enemies);
    if (!session.game)
        return {};
    std::vector<double> tickMs;
    game::PhaseTimes sum;
    // Per script: its batches' busy time and entities, summed over the ticks (both VMs).
    std::vector<double> scriptBusyMs;
    std::vector<uint64_t> scriptEntities;
    const int ticks = 20;
    for (int t = 0; t < ticks; ++t) {
        const auto start = std::chrono::steady_clock::now();
        session.game->step(nullptr);
        tickMs.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        for (size_t p = 0; p < sum.ms.size(); ++p)
            sum.ms[p] += session.game->lastTickTimes().ms[p];
        for (const scripting::BatchTiming& b : session.think->stats().lastBatches) {
            if (b.slot >= scriptBusyMs.size()) {
                scriptBusyMs.resize(b.slot + 1);
                scriptEntities.resize(b.slot + 1);
            }
            scriptBusyMs[b.slot] += b.endMs - b.startMs;
            scriptEntities[b.slot] += b.entities;
        }
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
    const double rss = statusMiB("VmRSS"), peak = statusMiB("VmHWM");
    std::printf("   %zu enemies: %.1f ms/tick [%.1f-%.1f] (%.1f ticks/s): %s\n",
                session.game->world().enemies.size(), st.median, st.min, st.max, 1000.0 / st.median,
                text.c_str());
    std::string perScript;
    nlohmann::json scriptNs = nlohmann::json::object();
    for (size_t slot = 0; slot < scriptBusyMs.size(); ++slot) {
        if (scriptEntities[slot] == 0 || slot >= session.game->types().size())
            continue;
        const double ns = scriptBusyMs[slot] * 1e6 / double(scriptEntities[slot]);
        const std::string& name = session.game->types()[slot].name;
        char b[64];
        std::snprintf(b, sizeof b, "%s %.0f  ", name.c_str(), ns);
        perScript += b;
        scriptNs[name] = ns;
    }
    std::printf("   think with the apply, ns per enemy by script (CPU: busy time / enemies): %s\n",
                perScript.c_str());
    std::printf("   resident memory %.0f MiB, peak %.0f MiB (%.0f MiB before the game started)\n",
                rss, peak, before);

    // The floor: bytes each phase streams at the bandwidth measured now (2 threads reading).
    const engine::World& world = session.game->world();
    const double n = double(world.enemies.size());
    double memoryBytes = 0;
    for (const engine::Enemy& e : world.enemies.dense())
        memoryBytes += world.enemyMemory.bytes(e.type);
    const PhaseBytes b = bytesPerEnemy(n > 0 ? memoryBytes / n : 0);
    const Bandwidth bw = measureBandwidth();
    const auto floorMs = [&](double bytes) { return bytes * n / (bw.read2 * 1e9) * 1e3; };
    std::printf("   memory bandwidth: read %.1f GB/s (1 thread), %.1f GB/s (2 threads); copy %.1f "
                "GB/s moved\n",
                bw.read1, bw.read2, bw.copy);
    std::printf("   bytes per enemy per tick: snapshot %.0f, think (with the apply) %.0f; at %.1f "
                "GB/s that is %.1f + %.1f = %.1f ms of streaming\n",
                b.snapshot, b.think, bw.read2, floorMs(b.snapshot), floorMs(b.think),
                floorMs(b.snapshot + b.think));
    return {
        {"enemies", world.enemies.size()},
        {"tick_ms", toJson(st)},
        {"phase_ms", phases},
        {"think_ns_per_enemy_by_script", scriptNs},
        {"resident_mib", rss},
        {"peak_resident_mib", peak},
        {"resident_mib_before", before},
        {"bandwidth_gbps",
         {{"read_1_thread", bw.read1}, {"read_2_threads", bw.read2}, {"copy", bw.copy}}},
        {"bytes_per_enemy", {{"snapshot", b.snapshot}, {"think", b.think}}},
        {"streaming_floor_ms", {{"snapshot", floorMs(b.snapshot)}, {"think", floorMs(b.think)}}}};
}

} // namespace bench
