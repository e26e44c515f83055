#pragma once
// Enemy silhouettes: every enemy type is drawn with its own shape as well as its own colour, so
// types read apart at a glance (and for players who tell colours apart poorly).
//
// The shape comes from a render-side table keyed by the type's name, not from a field of the
// script contract: telling types apart is a property of the whole set (a script cannot know which
// shapes the others took, just as two scripts once picked the same purple), the table is one place
// that is checked for collisions (tests/game/view/enemy_shapes_test.cpp loads the shipped scripts),
// and the look stays out of the simulation's contract. A type the table does not know is a circle.
#include "engine/render/shape_batch.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <string_view>

namespace game {

enum class EnemyShape : uint8_t {
    Circle,
    Triangle, // points where it is going
    Square,
    Diamond, // long along where it is going
    Pentagon,
    Hexagon,
    Star, // six points: two triangles
    Cross,
};
inline constexpr int kEnemyShapeCount = 8;

const char* enemyShapeName(EnemyShape shape);
EnemyShape enemyShapeFor(std::string_view typeName);

/// Draws an enemy's body: `edge` outside, `fill` inside (inset by `edgeWidth`). `heading` has
/// length 1; the shapes that point (triangle, diamond) turn with it, the others stay upright.
void drawEnemyBody(engine::ShapeBatch& batch, EnemyShape shape, glm::vec2 center, glm::vec2 heading,
                   float radius, float edgeWidth, uint32_t fill, uint32_t edge);

} // namespace game
