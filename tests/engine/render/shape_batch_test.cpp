// ShapeBatch without a GL context: the geometry only (end() counts the vertices and drops them).
#include "engine/render/shape_batch.h"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <cmath>

TEST(RegularPolygon, CornersLieOnTheUnitCircleEvenlySpacedFromTheDirection) {
    const glm::vec2 dir = glm::normalize(glm::vec2(3.0f, 4.0f));
    for (int n = 3; n <= engine::kMaxPolygonSides; ++n) {
        EXPECT_NEAR(engine::regularPolygonCorner(0, n, dir).x, 0.6f, 1e-6f);
        EXPECT_NEAR(engine::regularPolygonCorner(0, n, dir).y, 0.8f, 1e-6f);
        const float side = 2.0f * std::sin(3.14159265f / float(n)); // chord of 2π/n
        glm::vec2 sum(0.0f);
        for (int i = 0; i < n; ++i) {
            const glm::vec2 c = engine::regularPolygonCorner(i, n, dir);
            EXPECT_NEAR(glm::length(c), 1.0f, 1e-5f);
            EXPECT_NEAR(glm::distance(c, engine::regularPolygonCorner(i + 1, n, dir)), side, 1e-5f);
            sum += c;
        }
        EXPECT_NEAR(glm::length(sum), 0.0f, 1e-5f) << n << " corners balance around the centre";
    }
}

TEST(RegularPolygon, TurnsCounterClockwiseFromTheDirection) {
    // A square from (1, 0): the next corner is (0, 1) (y down on screen: clockwise there).
    const glm::vec2 c = engine::regularPolygonCorner(1, 4, {1.0f, 0.0f});
    EXPECT_NEAR(c.x, 0.0f, 1e-6f);
    EXPECT_NEAR(c.y, 1.0f, 1e-6f);
}

TEST(ShapeBatch, WithoutGlItBuildsAndCountsTheVertices) {
    engine::ShapeBatch batch; // no init(): no context, nothing uploaded
    batch.begin(glm::mat4(1.0f));
    batch.polygon({0, 0}, 10.0f, 6, {1, 0}, 0xffffffffu); // a fan of 4 triangles
    batch.disc({0, 0}, 5.0f, 0xffffffffu);                // one quad: 2 triangles
    batch.triangle({0, 0}, {1, 0}, {0, 1}, 0xffffffffu);
    batch.end();
    EXPECT_EQ(batch.verticesLastFrame(), size_t(3 * 4 + 6 + 3));
    EXPECT_EQ(batch.drawCallsLastFrame(), 0);

    batch.begin(glm::mat4(1.0f));
    for (int i = 0; i < 40000; ++i) // more than one buffer's worth: flushed mid-frame
        batch.disc({0, 0}, 1.0f, 0xffffffffu);
    batch.end();
    EXPECT_EQ(batch.verticesLastFrame(), size_t(40000 * 6));
}
