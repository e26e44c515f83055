#include "game/app/headless.h"

#include "engine/core/tick.h"
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "game/replay/recorder.h"
#include "game/replay/recording_codec.h"

#include <SDL.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

namespace game {

void printSummary(const nlohmann::json& s, const Game& g) {
    const Game* game = &g;
    std::printf("  spawned %llu, killed %llu, destroyed %llu, live enemies %zu, bullets %zu\n",
                static_cast<unsigned long long>(game->counters().spawned),
                static_cast<unsigned long long>(game->counters().killed),
                static_cast<unsigned long long>(game->counters().destroyed),
                game->world().enemies.size(), game->world().bullets.size());
    std::printf("  rounds %llu, game overs %llu, wave %d, score %lld (best %lld)\n",
                static_cast<unsigned long long>(game->counters().rounds),
                static_cast<unsigned long long>(game->counters().gameOvers), game->wave(),
                static_cast<long long>(game->counters().score),
                static_cast<long long>(game->counters().bestScore));
    std::printf("  ms per tick:");
    for (const char* phase : kPhaseNames)
        std::printf(" %s %.4f", phase, s["phase_ms"][phase].get<double>());
    std::printf(" | total %.4f\n", s["tick_ms"].get<double>());
    for (const auto& vm : s["pool"])
        std::printf("  vm %d (%s): busy %.3f ms/tick, %llu batches, %llu entities, %llu errors, "
                    "%.0f KiB Lua\n",
                    vm["vm"].get<int>(), vm["thread"].get<std::string>().c_str(),
                    vm["busy_ms_per_tick"].get<double>(), vm["batches"].get<unsigned long long>(),
                    vm["entities"].get<unsigned long long>(),
                    vm["errors"].get<unsigned long long>(), vm["lua_memory_kb"].get<double>());
    std::printf("  script errors %llu\n", s["errors"].get<unsigned long long>());
    if (s.contains("main_vm"))
        std::printf("  main vm: %.0f KiB Lua, %llu registry refs, %llu identities held, %llu hook "
                    "calls, director %s\n",
                    s["main_vm"]["lua_memory_kb"].get<double>(),
                    s["main_vm"]["registry_refs"].get<unsigned long long>(),
                    s["main_vm"]["identities"].get<unsigned long long>(),
                    s["main_vm"]["hook_calls"].get<unsigned long long>(),
                    s["main_vm"]["director"].get<bool>() ? "on" : "off (built-in waves)");
    for (const auto& sc : s["scripts"])
        std::printf("  script %-10s v%d, %llu live, %d reloads%s%s\n",
                    sc["name"].get<std::string>().c_str(), sc["version"].get<int>(),
                    sc["live"].get<unsigned long long>(), sc["reloads"].get<int>(),
                    sc["removed"].get<bool>() ? ", removed" : "",
                    sc["error"].is_null() ? ""
                                          : (", error: " + sc["error"].get<std::string>()).c_str());
    std::printf("  world_hash %s\n", s["world_hash"].get<std::string>().c_str());
}

bool writeStatsJson(const std::string& path, const nlohmann::json& s) {
    if (path.empty())
        return true;
    std::ofstream out(path);
    out << s.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    if (!out) {
        std::fprintf(stderr, "arena: cannot write %s\n", path.c_str());
        return false;
    }
    return true;
}

int runHeadless(const AppOptions& options) {
    // Timer and events only: a headless run must work where there is no display at all.
    if (SDL_Init(SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "arena: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    std::string error;
    GameSession session = makeGame(options, /*autoRestart=*/true, &error);
    if (!session.game) {
        std::fprintf(stderr, "arena: %s\n", error.c_str());
        SDL_Quit();
        return 1;
    }
    Game* game = session.game.get();
    LiveScripts live(session, options.scriptsDir, options.watch);
    std::unique_ptr<Recorder> recorder;
    if (!options.recordPath.empty())
        recorder = std::make_unique<Recorder>(session, live);
    const PlayerCommand idle{};
    const auto start = std::chrono::steady_clock::now();
    for (uint64_t t = 0; t < options.ticks; ++t) {
        live.update(); // a tick boundary: reloads go live here, in every VM at once
        if (recorder)
            recorder->step(options.autopilot ? nullptr : &idle);
        else
            game->step(options.autopilot ? nullptr : &idle);
        if (options.realtime) // a tick per tick of wall time, so files can be edited meanwhile
            std::this_thread::sleep_until(
                start + std::chrono::duration<double>(double(t + 1) * engine::kTickSeconds));
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const nlohmann::json s = summarize(session, wall, &live);
    std::printf("arena headless: %llu ticks in %.3f s (seed %llu)\n",
                static_cast<unsigned long long>(options.ticks), wall,
                static_cast<unsigned long long>(options.seed));
    printSummary(s, *game);
    int code = writeStatsJson(options.statsJson, s) ? 0 : 1;
    if (recorder) {
        if (!writeRecordingFile(options.recordPath, recorder->recording(), &error)) {
            std::fprintf(stderr, "arena: %s\n", error.c_str());
            code = 1;
        } else {
            std::printf("  recorded %llu ticks to %s\n",
                        static_cast<unsigned long long>(recorder->recording().ticks()),
                        options.recordPath.c_str());
        }
    }
    SDL_Quit();
    return code;
}

} // namespace game
