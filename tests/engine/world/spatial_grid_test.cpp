#include "engine/core/random.h"
#include "engine/core/worker_pool.h"
#include "engine/world/spatial_grid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace {
std::vector<glm::vec2> randomPoints(size_t n, glm::vec2 size, uint64_t seed) {
    engine::Rng rng(seed);
    std::vector<glm::vec2> points(n);
    // Some points outside the bounds: they must still be found.
    for (glm::vec2& p : points)
        p = {rng.range(-50.0f, size.x + 50.0f), rng.range(-50.0f, size.y + 50.0f)};
    return points;
}
} // namespace

TEST(SpatialGrid, RadiusQueriesMatchBruteForce) {
    const glm::vec2 size(1600, 900);
    const auto points = randomPoints(5000, size, 11);
    engine::SpatialGrid grid;
    grid.configure(size, 64.0f);
    grid.rebuild(points);
    engine::Rng rng(12);
    for (int q = 0; q < 300; ++q) {
        const glm::vec2 c{rng.range(-100.0f, size.x + 100.0f), rng.range(-100.0f, size.y + 100.0f)};
        const float r = rng.range(0.0f, 250.0f);
        std::vector<uint32_t> found;
        grid.forEachInRadius(c, r, [&](uint32_t item, glm::vec2 p) {
            EXPECT_EQ(p, points[item]);
            found.push_back(item);
        });
        std::vector<uint32_t> expected;
        for (uint32_t i = 0; i < points.size(); ++i) {
            const glm::vec2 d = points[i] - c;
            if (d.x * d.x + d.y * d.y <= r * r)
                expected.push_back(i);
        }
        std::sort(found.begin(), found.end());
        ASSERT_EQ(found, expected) << "query " << q;
    }
}

TEST(SpatialGrid, NearestMatchesBruteForce) {
    const glm::vec2 size(1000, 1000);
    const auto points = randomPoints(2000, size, 21);
    engine::SpatialGrid grid;
    grid.configure(size, 50.0f);
    grid.rebuild(points);
    for (uint32_t self = 0; self < 200; ++self) {
        std::vector<uint32_t> out(4);
        const int n = grid.nearest(points[self], 120.0f, self, out);
        std::vector<std::pair<float, uint32_t>> all;
        for (uint32_t i = 0; i < points.size(); ++i) {
            const glm::vec2 d = points[i] - points[self];
            const float d2 = d.x * d.x + d.y * d.y;
            if (i != self && d2 <= 120.0f * 120.0f)
                all.push_back({d2, i});
        }
        std::sort(all.begin(), all.end());
        ASSERT_EQ(n, int(std::min<size_t>(4, all.size())));
        // Compare distances: items at equal distance may come in either order.
        for (int k = 0; k < n; ++k) {
            const glm::vec2 d = points[out[size_t(k)]] - points[self];
            EXPECT_FLOAT_EQ(d.x * d.x + d.y * d.y, all[size_t(k)].first);
        }
    }
}

TEST(SpatialGrid, EmptyAndDegenerateQueries) {
    engine::SpatialGrid grid;
    grid.configure({100, 100}, 10.0f);
    grid.rebuild({});
    int visits = 0;
    grid.forEachInRadius({50, 50}, 100.0f, [&](uint32_t, glm::vec2) { ++visits; });
    EXPECT_EQ(visits, 0);
    const std::vector<glm::vec2> one{{5, 5}};
    grid.rebuild(one);
    grid.forEachInRadius({5, 5}, -1.0f, [&](uint32_t, glm::vec2) { ++visits; });
    grid.forEachInRadius({5, 5}, std::numeric_limits<float>::quiet_NaN(),
                         [&](uint32_t, glm::vec2) { ++visits; });
    EXPECT_EQ(visits, 0);
    grid.forEachInRadius({5, 5}, 0.0f, [&](uint32_t, glm::vec2) { ++visits; });
    EXPECT_EQ(visits, 1);
}

// The rebuild places points by truncation, not floor(); the reference here is floor(), clamped
// to the grid, with NaN in cell 0: the edge cases of both (signed zero, cell borders, just below
// them, the grid's far borders (1600 = 25 cells, 960 = 15 rows), infinities, values too large for
// an int) must agree.
TEST(SpatialGrid, APointLandsInTheCellOfItsFloorClampedToTheGrid) {
    const glm::vec2 size(1600, 900);
    const float cell = 64.0f;
    engine::SpatialGrid grid;
    grid.configure(size, cell);
    const float inf = std::numeric_limits<float>::infinity();
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const std::vector<float> values = {0.0f,    -0.0f,   -1e-30f,
                                       -0.5f,   -64.0f,  63.999f,
                                       64.0f,   64.001f, std::nextafter(64.0f, 0.0f),
                                       899.99f, 900.0f,  1599.99f,
                                       1600.0f, 960.0f,  std::nextafter(960.0f, 0.0f),
                                       1e30f,   -1e30f,  3e9f,
                                       inf,     -inf,    nan};
    const auto reference = [&](float v, int count) {
        const float c = std::floor(v * (1.0f / cell));
        if (!(c >= 0.0f))
            return 0;
        return c >= float(count) ? count - 1 : int(c);
    };
    const auto expectedCell = [&](glm::vec2 p) {
        return reference(p.y, grid.rows()) * grid.columns() + reference(p.x, grid.columns());
    };
    // Each point alone, and then all of them in one rebuild (which places them four at a time,
    // the last one alone).
    std::vector<glm::vec2> all;
    for (float x : values) {
        for (float y : values) {
            const std::vector<glm::vec2> one{{x, y}};
            all.push_back(one[0]);
            grid.rebuild(one);
            const uint32_t* start = grid.cellStartData();
            int found = -1;
            for (int c = 0; c < grid.columns() * grid.rows(); ++c)
                if (start[c + 1] - start[c] == 1)
                    found = c;
            EXPECT_EQ(found, expectedCell(one[0])) << "point (" << x << ", " << y << ")";
        }
    }
    ASSERT_EQ(all.size() % 4, 1u);
    grid.rebuild(all);
    const uint32_t* start = grid.cellStartData();
    const uint32_t* end = start + grid.columns() * grid.rows() + 1;
    for (size_t i = 0; i < all.size(); ++i) {
        const uint32_t slot = grid.slotData()[i];
        const int found = int(std::upper_bound(start, end, slot) - start) - 1;
        EXPECT_EQ(found, expectedCell(all[i]))
            << "point " << i << " (" << all[i].x << ", " << all[i].y << ") among the others";
    }
}

TEST(SpatialGrid, AParallelRebuildStoresExactlyWhatASerialOneDoes) {
    const glm::vec2 size(1600, 900);
    const auto points = randomPoints(30000, size, 31);
    const auto velocities = randomPoints(30000, size, 32);
    engine::SpatialGrid serial, parallel;
    serial.configure(size, 64.0f);
    parallel.configure(size, 64.0f);
    serial.rebuild(points, velocities);
    engine::WorkerPool pool(3);
    parallel.rebuild(points, velocities, &pool);
    const size_t cells = size_t(serial.columns()) * size_t(serial.rows());
    ASSERT_TRUE(std::equal(serial.cellStartData(), serial.cellStartData() + cells + 1,
                           parallel.cellStartData()));
    for (size_t k = 0; k < points.size(); ++k) {
        ASSERT_EQ(serial.itemData()[k], parallel.itemData()[k]) << "slot " << k;
        const uint32_t item = parallel.itemData()[k];
        EXPECT_EQ(parallel.pointData()[k].position, points[item]);
        EXPECT_EQ(parallel.pointData()[k].velocity, velocities[item]);
        EXPECT_EQ(parallel.positionOf(item), points[item]);
    }
}

// nearest() searches ring by ring; a plain scan of forEachInRadius, ranked by distance and then by
// visiting order, is the reference, item for item. Points on a coarse lattice (many exact ties,
// duplicates), outside the bounds too; centres inside and outside; radii up to the whole arena.
TEST(SpatialGrid, NearestIsThePlainScansRankingItemForItem) {
    const glm::vec2 size(1600, 900);
    engine::Rng rng(77);
    std::vector<glm::vec2> points(5000);
    for (glm::vec2& p : points)
        p = {std::floor(rng.range(-60.0f, size.x + 60.0f) / 10.0f) * 10.0f,
             std::floor(rng.range(-60.0f, size.y + 60.0f) / 10.0f) * 10.0f};
    engine::SpatialGrid grid;
    grid.configure(size, 64.0f);
    grid.rebuild(points);
    for (int q = 0; q < 400; ++q) {
        const glm::vec2 center = q % 4 == 0 ? points[size_t(q)]
                                            : glm::vec2(rng.range(-200.0f, size.x + 200.0f),
                                                        rng.range(-200.0f, size.y + 200.0f));
        const float radius = q % 5 == 0 ? 2000.0f : rng.range(0.0f, 900.0f);
        const uint32_t exclude = q % 4 == 0 ? uint32_t(q) : UINT32_MAX;
        std::vector<std::pair<float, int>> scan; // (distance, visiting order)
        std::vector<uint32_t> visited;
        grid.forEachInRadius(center, radius, [&](uint32_t item, glm::vec2 p) {
            const float d =
                (p.x - center.x) * (p.x - center.x) + (p.y - center.y) * (p.y - center.y);
            if (item != exclude)
                scan.push_back({d, int(visited.size())});
            visited.push_back(item);
        });
        std::stable_sort(scan.begin(), scan.end());
        for (size_t k : {size_t(1), size_t(3), size_t(8)}) {
            std::vector<uint32_t> out(k);
            const int n = grid.nearest(center, radius, exclude, out);
            ASSERT_EQ(size_t(n), std::min(k, scan.size())) << "query " << q;
            for (int i = 0; i < n; ++i)
                ASSERT_EQ(out[size_t(i)], visited[size_t(scan[size_t(i)].second)])
                    << "query " << q << " rank " << i << " of " << k;
        }
    }
}
