#include "game/shipped_types.h"
#include "game/view/enemy_shapes.h"
#include "game/view/palette.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace {
using testing_support::shippedEnemyTypes;

// CIE L*a*b* of an sRGB colour (D65), for a perceptual distance (CIE76).
std::array<double, 3> lab(uint32_t rgba) {
    const auto linear = [](uint32_t c) {
        const double v = double(c & 0xffu) / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const double r = linear(rgba >> 24), g = linear(rgba >> 16), b = linear(rgba >> 8);
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}
double distance(uint32_t a, uint32_t b) {
    const auto p = lab(a), q = lab(b);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
// About 2.3 is a just-noticeable difference; 20 reads apart at a glance, on a small moving shape.
constexpr double kApart = 20.0;
} // namespace

TEST(EnemyShapes, TheLabDistanceAgreesWithKnownValues) {
    EXPECT_NEAR(distance(0x000000ffu, 0xffffffffu), 100.0, 0.1); // L* from 0 to 100
    EXPECT_NEAR(distance(0xb45affffu, 0xb45affffu), 0.0, 1e-9);
}

TEST(EnemyShapes, EveryShippedTypeHasItsOwnShape) {
    const std::vector<engine::EnemyType> types = shippedEnemyTypes();
    ASSERT_GE(types.size(), 8u);
    std::set<game::EnemyShape> shapes;
    for (const engine::EnemyType& t : types)
        EXPECT_TRUE(shapes.insert(game::enemyShapeFor(t.name)).second)
            << t.name << " shares its shape (" << game::enemyShapeName(game::enemyShapeFor(t.name))
            << ") with another type";
}

TEST(EnemyShapes, AnUnknownTypeIsACircle) {
    EXPECT_EQ(game::enemyShapeFor("Someone new"), game::EnemyShape::Circle);
    EXPECT_EQ(game::enemyShapeFor("brute"), game::EnemyShape::Circle) << "names match exactly";
}

TEST(EnemyShapes, EveryShippedColourReadsApartFromTheOthersAndTheArena) {
    const std::vector<engine::EnemyType> types = shippedEnemyTypes();
    for (size_t i = 0; i < types.size(); ++i) {
        for (size_t j = i + 1; j < types.size(); ++j)
            EXPECT_GE(distance(types[i].color, types[j].color), kApart)
                << types[i].name << " and " << types[j].name << " look alike";
        for (const uint32_t arena : {game::palette::kFloor, game::palette::kPlayerBullet,
                                     game::palette::kEnemyBullet, game::palette::kPlayer})
            EXPECT_GE(distance(types[i].color, arena), kApart)
                << types[i].name << " looks like the arena's 0x" << std::hex << arena;
    }
}
