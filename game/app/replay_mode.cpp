#include "game/app/replay_mode.h"

#include "game/app/headless.h"
#include "game/replay/recording_codec.h"
#include "game/replay/replay.h"

#include <SDL.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

namespace game {

int openRecordingRun(const std::string& path, Recording* recording) {
    std::string error;
    if (!readRecordingFile(path, recording, &error)) {
        std::fprintf(stderr, "arena: %s\n", error.c_str());
        return 2;
    }
    if (SDL_Init(SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "arena: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    return 0;
}

int runReplay(const AppOptions& options) {
    Recording recording;
    if (const int code = openRecordingRun(options.replayPath, &recording))
        return code;
    std::string error;
    std::printf("arena replay: %s: %llu ticks (%.1f s of play), seed %llu, %zu scripts embedded, "
                "%zu changes, %zu checkpoints\n",
                options.replayPath.c_str(), static_cast<unsigned long long>(recording.ticks()),
                double(recording.ticks()) / 60.0,
                static_cast<unsigned long long>(recording.header.seed), recording.scripts.size(),
                recording.actions.size(), recording.checkpoints.size());
    std::fflush(stdout);
    ReplayDef def;
    def.pool = options.pool;
    std::unique_ptr<ReplayRun> run = ReplayRun::start(recording, def, &error);
    if (!run) {
        std::fprintf(stderr, "arena: %s\n", error.c_str());
        SDL_Quit();
        return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    while (run->step()) {
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    nlohmann::json s = summarize(run->session(), wall, &run->live());
    size_t checked = 0;
    for (const Checkpoint& c : recording.checkpoints)
        checked += c.tick <= run->tick() && !(run->divergence() && c.tick == run->tick());
    nlohmann::json replay = {{"file", options.replayPath},
                             {"ticks", recording.ticks()},
                             {"checkpoints", recording.checkpoints.size()},
                             {"checkpoints_matched", checked},
                             {"diverged", nullptr}};
    if (const auto& d = run->divergence())
        replay["diverged"] = {{"tick", d->tick},
                              {"part", kHashPartNames[d->part]},
                              {"recorded", formatHash(d->expected.part(d->part))},
                              {"replayed", formatHash(d->actual.part(d->part))}};
    s["replay"] = replay;
    std::printf("arena replay: %llu ticks in %.3f s (%.0fx real time)\n",
                static_cast<unsigned long long>(run->tick()), wall,
                wall > 0 ? double(run->tick()) / 60.0 / wall : 0.0);
    printSummary(s, run->game());
    int code = writeStatsJson(options.statsJson, s) ? 0 : 1;
    if (const auto& d = run->divergence()) {
        std::printf("arena replay: %s; the %zu checkpoints before it matched\n", d->text().c_str(),
                    checked);
        code = 3;
    } else {
        std::printf("arena replay: all %zu checkpoints matched\n", checked);
    }
    run.reset();
    SDL_Quit();
    return code;
}

} // namespace game
