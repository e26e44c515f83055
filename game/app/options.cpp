#include "game/app/options.h"

#include "scripting/sandbox_limits.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace game {

std::string defaultScriptsDir() {
    return ARENA_DEFAULT_SCRIPTS_DIR;
}

std::optional<AppOptions> parseOptions(int argc, char** argv, int* exitCode) {
    AppOptions o;
    o.scriptsDir = defaultScriptsDir();
    CLI::App app{"Arena: a 2D arena shooter whose enemies are scripted in Lua."};
    app.name("arena");
    bool headless = false;
    bool noAutopilot = false;
    auto* headlessFlag =
        app.add_flag("--headless", headless, "Simulation only: no window, no video");
    app.add_option("--ticks", o.ticks, "Headless: number of ticks to simulate")
        ->check(CLI::Range(uint64_t(1), uint64_t(1) << 40))
        ->needs(headlessFlag);
    app.add_option("--seed", o.seed,
                   "Seed of the simulation (same seed and inputs, same world_hash)");
    app.add_option("--enemies", o.enemies, "Keep at least N enemies in the arena (stress)")
        ->check(CLI::Range(0, kMaxEnemiesOption));
    app.add_option("--stats-json", o.statsJson, "Headless: write the summary as JSON to FILE")
        ->needs(headlessFlag);
    auto* shot =
        app.add_option("--screenshot", o.screenshotPath,
                       "Render offscreen, write a PNG to FILE after --frames frames, exit");
    app.add_option("--frames", o.frames, "Screenshot: frames (one tick each) before capturing")
        ->check(CLI::Range(1, 100000))
        ->needs(shot);
    app.add_flag("--overlay", o.overlay, "Screenshot: with every overlay panel open")->needs(shot);
    app.add_option("--editor", o.editorFile,
                   "Screenshot: open this script (e.g. enemies/chaser.lua) in the editor")
        ->needs(shot);
    app.add_flag("--no-autopilot", noAutopilot, "Headless/screenshot: the player stands still");
    app.add_flag("--watch", o.watch,
                 "Headless and screenshot: reload scripts when their files change");
    auto* soak =
        app.add_flag(
               "--soak", o.soak,
               "Headless: soak test: churn, reloads, pool resizes; exit 1 if anything leaked or "
               "got lost")
            ->needs(headlessFlag);
    app.add_flag("--realtime", o.realtime, "Headless: run at 60 ticks per second of wall time")
        ->needs(headlessFlag);
    app.add_option("--scripts", o.scriptsDir, "Scripts folder (default: the repository's scripts/)")
        ->check(CLI::ExistingDirectory);
    app.add_option("--pool", o.pool, "LuaJIT VMs in the think pool (default: one per core)")
        ->check(CLI::Range(1, 64));
    app.add_option("--vm-memory", o.vmMemoryMb, "Memory cap of each Lua VM, MiB (default 64)")
        ->check(CLI::Range(kMinVmMemoryMb, int(scripting::kMaxVmMemoryBytes >> 20)));
    app.add_option("--think-budget", o.thinkBudget,
                   "Thousands of budget units (loop iterations, calls, library work) one think or "
                   "hook call may use (default 200)")
        ->check(CLI::Range(1, kMaxThinkBudget));
    bool noShake = false;
    app.add_flag("--no-shake", noShake,
                 "Window and screenshot: no screen shake when the player is hit (the overlay's "
                 "Controls panel has the same switch)");
    app.add_option("--width", o.width, "Window or screenshot width in pixels")
        ->check(CLI::Range(64, 8192));
    app.add_option("--height", o.height, "Window or screenshot height in pixels")
        ->check(CLI::Range(64, 8192));
    app.add_flag("--mute", o.mute, "Window: start with the sound muted (M toggles it)");
    app.add_option("--quit-after-seconds", o.quitAfterSeconds,
                   "Window: close after S seconds of wall time (for tests; default: never)")
        ->check(CLI::Range(0.0, 1e6))
        ->excludes(headlessFlag)
        ->excludes(shot);
    headlessFlag->excludes(shot);
    auto* record = app.add_option("--record", o.recordPath,
                                  "Window and headless: write the session's recording to FILE "
                                  "(README \"Record, replay and debug\")");
    record->excludes(shot)->excludes(soak);
    auto* replay = app.add_option("--replay", o.replayPath,
                                  "Play the recording FILE (its embedded scripts; the scripts "
                                  "folder is not read) and check every checkpoint")
                       ->check(CLI::ExistingFile)
                       ->excludes(record);
    auto* trace = app.add_option("--trace-think", o.traceEntity,
                                 "Replay: trace the think of enemy ID (as errors name it, "
                                 "index:generation) at --at-tick, line by line, and exit")
                      ->needs(replay);
    auto* atTick = app.add_option("--at-tick", o.traceTick, "Replay: the tick --trace-think traces")
                       ->check(CLI::Range(uint64_t(1), uint64_t(1) << 40))
                       ->needs(trace);
    trace->needs(atTick);
    app.add_flag("--trace-json", o.traceJson, "Replay: print the trace as JSON")->needs(trace);
    app.add_option("--trace-step", o.traceStep,
                   "Screenshot with --trace-think: the step of the trace the debugger shows")
        ->check(CLI::Range(1, 1000000))
        ->needs(trace)
        ->needs(shot);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 has an exit code per kind of mistake (105, 107, 109, ...); the README promises 2.
        *exitCode = app.exit(e) == 0 ? 0 : 2;
        if (*exitCode != 0)
            std::cerr << "Run 'arena --help' for the list of flags.\n";
        return std::nullopt;
    }
    if (!std::filesystem::is_directory(o.scriptsDir)) {
        std::cerr << "arena: scripts folder not found: " << o.scriptsDir
                  << " (pass --scripts DIR)\n";
        *exitCode = 2;
        return std::nullopt;
    }
    if (!o.traceEntity.empty() && o.screenshotPath.empty())
        headless = true; // a trace needs no window (a screenshot shows it in the debugger)
    o.mode = headless                    ? AppMode::Headless
             : !o.screenshotPath.empty() ? AppMode::Screenshot
                                         : AppMode::Window;
    o.autopilot = !noAutopilot;
    o.screenShake = !noShake;
    *exitCode = 0;
    return o;
}

} // namespace game
