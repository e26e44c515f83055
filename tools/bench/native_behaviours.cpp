#include "native_behaviours.h"

#include <algorithm>
#include <cmath>

namespace bench {

namespace {
struct Toward {
    double x, y, d;
};
Toward toward(double x, double y, double tx, double ty) {
    const double dx = tx - x, dy = ty - y;
    const double d = std::sqrt(dx * dx + dy * dy);
    if (d < 1e-6)
        return {0, 0, 0};
    return {dx / d, dy / d, d};
}
void scaleTo(double x, double y, double len, double* ox, double* oy) {
    const double d = std::sqrt(x * x + y * y);
    if (d < 1e-9) {
        *ox = *oy = 0;
        return;
    }
    *ox = x * len / d;
    *oy = y * len / d;
}
double packedId(const engine::Enemy& e) {
    return double(e.id.generation) * 16777216.0 + double(e.id.index);
}

void writeIntent(engine::Intent& out, double vx, double vy) {
    out.velocity = glm::vec2(float(vx), float(vy));
    out.fire = 0;
    out.faulted = 0;
}
} // namespace

void NativeChaser::think(const engine::ThinkContext& ctx, std::span<engine::Intent> intents) {
    const auto enemies = ctx.world.enemies.dense();
    const double px = double(ctx.world.player.position.x), py = double(ctx.world.player.position.y);
    const double tick = double(ctx.world.tick);
    for (size_t i = 0; i < enemies.size(); ++i) {
        const engine::Enemy& e = enemies[i];
        const Toward t = toward(double(e.position.x), double(e.position.y), px, py);
        const double age = tick - double(e.spawnTick);
        const double weave = 0.45 * std::sin(age * 0.06 + packedId(e));
        const double s = double(e.speed);
        writeIntent(intents[i], (t.x - t.y * weave) * s, (t.y + t.x * weave) * s);
    }
}

void NativeSwarm::think(const engine::ThinkContext& ctx, std::span<engine::Intent> intents) {
    constexpr int kMaxScanned = 24;
    constexpr double kRadius = 60.0;
    const auto enemies = ctx.world.enemies.dense();
    const engine::SpatialGrid& grid = ctx.world.enemyGrid;
    const uint32_t* cs = grid.cellStartData();
    const uint32_t* ci = grid.itemData();
    const engine::GridPoint* gp = grid.pointData();
    const int cols = grid.columns(), rows = grid.rows();
    const double inv = double(1.0f / grid.cellSize());
    const double px = double(ctx.world.player.position.x), py = double(ctx.world.player.position.y);
    int32_t cand[kMaxScanned];
    for (size_t i = 0; i < enemies.size(); ++i) {
        const engine::Enemy& e = enemies[i];
        const double x = double(e.position.x), y = double(e.position.y);
        // The cells the circle touches.
        const auto clampTo = [](double v, int hi) { return v < 0 ? 0 : v > hi ? hi : int(v); };
        const int c0 = clampTo(std::floor((x - kRadius) * inv), cols - 1),
                  c1 = clampTo(std::floor((x + kRadius) * inv), cols - 1);
        const int r0 = clampTo(std::floor((y - kRadius) * inv), rows - 1),
                  r1 = clampTo(std::floor((y + kRadius) * inv), rows - 1);
        // flock(), pass 1: the cells' items row by row, at most kMaxScanned, keeping those
        // inside the circle.
        const double r2 = kRadius * kRadius, invR2 = 1.0 / r2;
        int kept = 0, room = kMaxScanned;
        for (int row = r0; row <= r1; ++row) {
            uint32_t k0 = cs[row * cols + c0], k1 = cs[row * cols + c1 + 1];
            if (int(k1 - k0) > room)
                k1 = k0 + uint32_t(room);
            room -= int(k1 - k0);
            for (uint32_t k = k0; k < k1; ++k) {
                const double dx = x - double(gp[k].position.x), dy = y - double(gp[k].position.y);
                cand[kept] = int32_t(k);
                kept += int(r2 - (dx * dx + dy * dy) > 0.0);
            }
        }
        // Pass 2: the sums over the kept ones.
        double sx = 0, sy = 0, ax = 0, ay = 0, cx = 0, cy = 0, cnt = 0;
        for (int k = 0; k < kept; ++k) {
            const engine::GridPoint& p = gp[cand[k]];
            const double item = double(ci[cand[k]]);
            const double qx = double(p.position.x), qy = double(p.position.y);
            const double dx = x - qx, dy = y - qy;
            const double d2 = dx * dx + dy * dy;
            const double m = std::max(0.0, std::min(1.0, (r2 - d2) * 1e30)) *
                             std::min(1.0, std::fabs(item - double(i)));
            const double w = m * (1 - d2 * invR2);
            sx += dx * w;
            sy += dy * w;
            ax += double(p.velocity.x) * m;
            ay += double(p.velocity.y) * m;
            cx += qx * m;
            cy += qy * m;
            cnt += m;
        }
        if (cnt == 0)
            sx = sy = ax = ay = cx = cy = 0;
        else {
            ax /= cnt, ay /= cnt, cx = cx / cnt - x, cy = cy / cnt - y;
        }
        // swarm.lua's think
        const Toward h = toward(x, y, px, py);
        const double s = double(e.speed);
        const double vx = h.x + sx * (2.5 / kRadius) + ax / s * 0.6 + cx * 0.012;
        const double vy = h.y + sy * (2.5 / kRadius) + ay / s * 0.6 + cy * 0.012;
        double ox, oy;
        scaleTo(vx, vy, s, &ox, &oy);
        writeIntent(intents[i], ox, oy);
    }
}

} // namespace bench
