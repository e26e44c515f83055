// Scenario 13: what the hit effects cost the CPU per frame: building a frame's shapes
// (ArenaView::draw into a ShapeBatch: arena, enemies, particles, bullets, player) with the effects
// (silhouettes, hit flashes, sparks) and plain (every enemy a circle, death rings only: the drawing
// before the effects), and each view's upkeep (onStep after every tick, advanceFrame); a third
// view also gets a 2,000-death tick every frame, which keeps its particle pool full. The batch
// has no GL context: every vertex is built and counted, nothing is uploaded (shape_batch.h), so the
// GPU's share is not in these figures. Both views watch the same game and take turns frame by
// frame, so both see the same noise.
#include "engine/render/shape_batch.h"
#include "game/app/game_setup.h"
#include "game/view/arena_view.h"

#include <glm/mat4x4.hpp>

#include <chrono>
#include <cstdio>
#include <vector>

#include "bench_common.h"

namespace bench {

namespace {
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Side {
    game::ArenaView view;
    engine::ShapeBatch batch; // never init()ed: builds and counts
    std::vector<double> drawMs, upkeepMs;
    size_t vertices = 0, particles = 0; // of the last frame

    explicit Side(bool plain) { view.setPlain(plain); }

    void upkeep(const game::Game& game, const game::TickEvents* extra, bool record) {
        const auto start = Clock::now();
        view.onStep(game);
        if (extra)
            view.onEvents(*extra, game);
        view.advanceFrame();
        if (record)
            upkeepMs.push_back(msSince(start));
    }
    void draw(const game::Game& game, bool record) {
        const auto start = Clock::now();
        batch.begin(glm::mat4(1.0f));
        view.draw(batch, game, game.world().tick);
        batch.end();
        if (record)
            drawMs.push_back(msSince(start));
        vertices = batch.verticesLastFrame();
        particles = view.particles().size();
    }
};

void print(size_t enemies, const char* name, const Stat& d, const Stat& u) {
    std::printf("   %8zu %-7s %7.3f [%5.3f-%6.3f] %7.3f [%5.3f-%6.3f]", enemies, name, d.median,
                d.min, d.max, u.median, u.min, u.max);
}
} // namespace

nlohmann::json frameCost(const Settings& s) {
    std::printf(
        "\n13. Frame cost: CPU ms to build a frame's shapes (ArenaView::draw into a "
        "ShapeBatch, no GL) and the view's upkeep per tick, with the hit effects and plain, "
        "autopilot player, 2 VMs (median [min-max] of %d frames)\n",
        s.reps * s.ticksPerRep);
    std::printf("   %8s %-7s %22s %22s %11s  %s\n", "enemies", "view", "draw", "upkeep", "vs plain",
                "last frame");
    nlohmann::json out = nlohmann::json::array();
    for (int n : {2000, 10000}) {
        game::GameSession session = warmGame(s, n);
        if (!session.game)
            return out;
        const game::Game& game = *session.game;
        Side plain(true), fx(false), full(false);
        game::TickEvents massacre; // 2,000 deaths where enemies are, in their types
        for (const engine::Enemy& e : game.world().enemies.dense())
            if (massacre.deaths.size() < 2000)
                massacre.deaths.push_back({e.id, e.type, e.position, true});
        for (int f = 0; f < 30; ++f) { // particles build up, buffers reach their size
            session.game->step(nullptr);
            plain.upkeep(game, nullptr, false);
            fx.upkeep(game, nullptr, false);
            full.upkeep(game, &massacre, false);
            plain.draw(game, false);
            fx.draw(game, false);
            full.draw(game, false);
        }
        // Ratios frame by frame: a frame the machine preempted spoils one ratio, not a whole rep.
        std::vector<double> ratios, fullRatios;
        for (int r = 0; r < s.reps; ++r) {
            for (int f = 0; f < s.ticksPerRep; ++f) {
                session.game->step(nullptr); // untimed
                plain.upkeep(game, nullptr, true);
                fx.upkeep(game, nullptr, true);
                full.upkeep(game, &massacre, true);
                plain.draw(game, true);
                fx.draw(game, true);
                full.draw(game, true);
                ratios.push_back(fx.drawMs.back() / plain.drawMs.back());
                fullRatios.push_back(full.drawMs.back() / plain.drawMs.back());
            }
        }
        const size_t enemies = game.world().enemies.size();
        const Stat pd = summarize(plain.drawMs), pu = summarize(plain.upkeepMs),
                   fd = summarize(fx.drawMs), fu = summarize(fx.upkeepMs), q = summarize(ratios),
                   ud = summarize(full.drawMs), uu = summarize(full.upkeepMs),
                   uq = summarize(fullRatios);
        print(enemies, "plain", pd, pu);
        std::printf(" %11s  %zu vertices, %zu particles\n", "", plain.vertices, plain.particles);
        print(enemies, "effects", fd, fu);
        std::printf(" %10.2fx  %zu vertices, %zu particles\n", q.median, fx.vertices, fx.particles);
        print(enemies, "full", ud, uu);
        std::printf(" %10.2fx  %zu vertices, %zu particles (+2,000 deaths a tick)\n", uq.median,
                    full.vertices, full.particles);
        out.push_back({{"enemies", enemies},
                       {"plain_draw_ms", toJson(pd)},
                       {"plain_upkeep_ms", toJson(pu)},
                       {"effects_draw_ms", toJson(fd)},
                       {"effects_upkeep_ms", toJson(fu)},
                       {"ratio", toJson(q)},
                       {"plain_vertices", plain.vertices},
                       {"effects_vertices", fx.vertices},
                       {"effects_particles", fx.particles},
                       {"full_pool_draw_ms", toJson(ud)},
                       {"full_pool_upkeep_ms", toJson(uu)},
                       {"full_pool_ratio", toJson(uq)},
                       {"full_pool_vertices", full.vertices},
                       {"full_pool_particles", full.particles}});
    }
    return out;
}

} // namespace bench
