// Scenario 14: what time travel costs. Recording's share of the tick at 10,000 enemies (the
// recorder's own work timed against the tick it rides on, and a recorded game against a plain one
// stepped alternately), re-simulation speed at 1,000 enemies, seeking anywhere in a 5-minute
// session at 1,000 enemies, and the recording's size per minute of play.
#include "game/replay/time_travel.h"

#include "engine/core/tick.h"
#include "game/replay/recorder.h"
#include "game/replay/recording_codec.h"
#include "game/replay/replay.h"
#include "game/replay/think_debugger.h"

#include <chrono>
#include <cstdio>
#include <random>

#include "bench_common.h"

namespace bench {

namespace {
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

game::GameSession freshGame(const Settings& s, int enemies, int pool) {
    game::AppOptions o;
    o.scriptsDir = s.scriptsDir;
    o.pool = pool;
    o.enemies = enemies;
    std::string error;
    game::GameSession session = game::makeGame(o, true, &error, nullptr, /*quiet=*/true);
    if (!session.game)
        std::fprintf(stderr, "arena-bench: %s\n", error.c_str());
    return session;
}

// A recorded session of `ticks` ticks by the autopilot.
game::Recording recordSession(const Settings& s, int enemies, uint64_t ticks) {
    game::GameSession session = freshGame(s, enemies, 2);
    if (!session.game)
        return {};
    game::LiveScripts live(session, s.scriptsDir, false);
    live.setPrintOutcomes(false);
    game::Recorder recorder(session, live);
    for (uint64_t t = 0; t < ticks; ++t)
        recorder.step(nullptr);
    return recorder.recording();
}

nlohmann::json recordingOverhead(const Settings& s) {
    const int enemies = 10000;
    // A/B: a recorded and a plain game of the same seed, stepped in turns (same heat, same load).
    game::GameSession plain = freshGame(s, enemies, 2), recorded = freshGame(s, enemies, 2);
    if (!plain.game || !recorded.game)
        return {};
    game::LiveScripts live(recorded, s.scriptsDir, false);
    game::Recorder recorder(recorded, live);
    const int warm = 60, ticks = s.quick ? 120 : 600;
    std::vector<double> plainMs, recordedMs, hashMs;
    for (int t = 0; t < warm + ticks; ++t) {
        Clock::time_point start = Clock::now();
        plain.game->step(nullptr);
        const double p = msSince(start);
        start = Clock::now();
        recorder.step(nullptr);
        const double r = msSince(start);
        if (t >= warm) {
            plainMs.push_back(p);
            recordedMs.push_back(r);
        }
    }
    // The recorder's own work: a command (a push) every tick, the part hashes every second.
    for (int i = 0; i < (s.quick ? 5 : 21); ++i) {
        const Clock::time_point start = Clock::now();
        volatile uint64_t sink = recorded.game->partHashes().scripted;
        (void)sink;
        hashMs.push_back(msSince(start));
    }
    const Stat p = summarize(plainMs), r = summarize(recordedMs), h = summarize(hashMs);
    const double perTick = h.median / double(game::kCheckpointTicks);
    std::printf("   recording at %d enemies: tick %.3f ms plain, %.3f ms recorded (A/B, "
                "median); checkpoint hashes %.3f ms every %llu ticks = %.4f ms per tick = "
                "%.2f%% of the tick\n",
                enemies, p.median, r.median, h.median,
                static_cast<unsigned long long>(game::kCheckpointTicks), perTick,
                100.0 * perTick / p.median);
    return {{"enemies", enemies},
            {"plain_tick_ms", toJson(p)},
            {"recorded_tick_ms", toJson(r)},
            {"checkpoint_ms", toJson(h)},
            {"overhead_percent_of_tick", 100.0 * perTick / p.median},
            {"ab_ratio", r.median / p.median}};
}
} // namespace

nlohmann::json timeTravel(const Settings& s) {
    std::printf("\n14. Time travel: recording, re-simulation and seeking (README \"Record, replay "
                "and debug\")\n");
    nlohmann::json out = nlohmann::json::object();
    out["recording"] = recordingOverhead(s);

    // Re-simulation and seeking over a session at 1,000 enemies (5 minutes; 1 with --quick).
    const int enemies = 1000;
    const uint64_t ticks = (s.quick ? 1 : 5) * 60 * engine::kTicksPerSecond;
    Clock::time_point start = Clock::now();
    const game::Recording rec = recordSession(s, enemies, ticks);
    const double recordMs = msSince(start);
    const size_t bytes = game::encodeRecording(rec).size();
    const double minutes = double(ticks) / engine::kTicksPerSecond / 60.0;
    std::printf("   a %.0f-minute session at %d enemies (autopilot): played in %.0f ms, "
                "recording %zu bytes = %.1f KiB per minute of play\n",
                minutes, enemies, recordMs, bytes, double(bytes) / 1024.0 / minutes);
    out["session"] = {{"enemies", enemies},
                      {"ticks", ticks},
                      {"bytes", bytes},
                      {"kib_per_minute", double(bytes) / 1024.0 / minutes}};

    std::vector<double> resim;
    for (int rep = 0; rep < (s.quick ? 1 : 3); ++rep) {
        std::string error;
        game::ReplayDef def;
        def.pool = 2;
        def.quiet = true;
        start = Clock::now();
        auto run = game::ReplayRun::start(rec, def, &error);
        if (!run) {
            std::fprintf(stderr, "arena-bench: %s\n", error.c_str());
            return out;
        }
        run->runTo(ticks);
        const double ms = msSince(start);
        if (run->divergence())
            std::fprintf(stderr, "arena-bench: %s\n", run->divergence()->text().c_str());
        resim.push_back(double(ticks) * engine::kTickSeconds * 1000.0 / ms);
    }
    const Stat r = summarize(resim);
    std::printf("   re-simulation at %d enemies, 2 VMs: %.0fx real time [%.0f-%.0f]\n", enemies,
                r.median, r.min, r.max);
    out["resimulation_x_real_time"] = toJson(r);

    // Seeks as a user makes them: anywhere, forwards and backwards; the worst is the end of the
    // session after a step back (from tick 0 again).
    game::TimeTravel travel(2);
    std::mt19937_64 rng(7);
    std::vector<double> seekMs;
    double worst = 0;
    std::vector<uint64_t> targets{ticks, ticks - 1, ticks / 2, ticks};
    for (int i = 0; i < (s.quick ? 2 : 8); ++i)
        targets.push_back(1 + rng() % ticks);
    for (uint64_t target : targets) {
        std::string error;
        if (!travel.seek(rec, target, &error)) {
            std::fprintf(stderr, "arena-bench: seek: %s\n", error.c_str());
            break;
        }
        seekMs.push_back(travel.lastSeekMs());
        worst = std::max(worst, travel.lastSeekMs());
    }
    const Stat k = summarize(seekMs);
    std::printf("   seeking in it (%zu seeks, anywhere): median %.0f ms, worst %.0f ms (from "
                "tick 0 to the end)\n",
                seekMs.size(), k.median, worst);
    out["seek_ms"] = toJson(k);

    // A traced think of every shipped script (the debug VM, JIT off, every line recorded), on
    // the world the last seek left: one enemy of each type alive then.
    game::ThinkDebugger debugger(scripting::defaultSandboxLimits());
    nlohmann::json traces = nlohmann::json::object();
    double worstTrace = 0;
    std::string slowest;
    if (const game::ThinkCapture* capture = travel.capture()) {
        std::vector<bool> done(capture->types.size(), false);
        for (const engine::Enemy& e : capture->world.enemies.dense()) {
            if (e.type >= done.size() || done[e.type])
                continue;
            done[e.type] = true;
            std::vector<double> ms;
            game::ThinkDebugResult traced;
            std::string error;
            for (int rep = 0; rep < (s.quick ? 3 : 11); ++rep) {
                start = Clock::now();
                if (!debugger.debug(*capture, e.id, nullptr, &traced, &error))
                    break;
                ms.push_back(msSince(start));
            }
            const Stat t = summarize(ms);
            traces[traced.script] = {{"ms", toJson(t)}, {"steps", traced.trace.steps.size()}};
            if (t.median > worstTrace) {
                worstTrace = t.median;
                slowest = traced.script;
            }
        }
    }
    std::printf("   a traced think (debug VM, every line): the slowest shipped script %s, %.2f ms "
                "(median of the traced thinks of %zu scripts)\n",
                slowest.c_str(), worstTrace, traces.size());
    out["traced_think"] = traces;
    return out;
}

} // namespace bench
