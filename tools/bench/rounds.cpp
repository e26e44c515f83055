// Scenario 12: the shape of a round. The built-in autopilot (it moves, dodges, aims at the
// nearest enemy and fires) plays one round per seed until its game over; a player who stands
// still plays the same seeds. The wave each reaches and the time each survives are what the
// director's difficulty curve is tuned by (README, "A round").
#include "engine/core/tick.h"
#include "game/app/game_setup.h"

#include <cstdio>

#include "bench_common.h"

namespace bench {

namespace {
constexpr int kSeeds = 20;
constexpr uint64_t kMaxTicks = 30 * 60 * engine::kTicksPerSecond; // 30 minutes of play

struct Played {
    std::vector<double> waves, seconds;
};

Played play(const Settings& s, bool standStill, int seeds) {
    Played out;
    for (int seed = 1; seed <= seeds; ++seed) {
        game::AppOptions o;
        o.scriptsDir = s.scriptsDir;
        o.seed = uint64_t(seed);
        o.pool = 1;
        std::string error;
        game::GameSession session = game::makeGame(o, /*autoRestart=*/false, &error);
        if (!session.game) {
            std::fprintf(stderr, "arena-bench: %s\n", error.c_str());
            return out;
        }
        const game::PlayerCommand idle{};
        game::Game& g = *session.game;
        while (g.world().player.alive && g.world().tick < kMaxTicks)
            g.step(standStill ? &idle : nullptr);
        out.waves.push_back(double(g.round().wave));
        out.seconds.push_back(double(g.round().ticks) * engine::kTickSeconds);
    }
    return out;
}
} // namespace

nlohmann::json roundShape(const Settings& s) {
    const int seeds = s.quick ? 3 : kSeeds;
    std::printf("\n12. A round's shape: one round per seed (seeds 1-%d) until the game over, "
                "median [min-max]\n",
                seeds);
    std::printf("   %-14s %20s %28s\n", "player", "wave reached", "seconds survived");
    nlohmann::json out = nlohmann::json::object();
    for (const bool standStill : {false, true}) {
        const Played p = play(s, standStill, seeds);
        const Stat w = summarize(p.waves), t = summarize(p.seconds);
        const char* who = standStill ? "standing still" : "autopilot";
        std::printf("   %-14s %6.0f [%3.0f-%3.0f] %14.1f [%6.1f-%6.1f]\n", who, w.median, w.min,
                    w.max, t.median, t.min, t.max);
        out[standStill ? "standing_still" : "autopilot"] = {
            {"seeds", seeds}, {"wave", toJson(w)}, {"seconds", toJson(t)}};
    }
    return out;
}

} // namespace bench
