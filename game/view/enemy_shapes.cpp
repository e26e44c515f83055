#include "game/view/enemy_shapes.h"

#include <algorithm>

namespace game {

namespace {
struct Entry {
    std::string_view name; // EnemyType::name, as the script declares it
    EnemyShape shape;
};
// The shipped enemy types (scripts/enemies/*.lua).
constexpr Entry kShapes[] = {
    {"Brute", EnemyShape::Square},     {"Chaser", EnemyShape::Triangle},
    {"Dasher", EnemyShape::Diamond},   {"Orbiter", EnemyShape::Circle},
    {"Sniper", EnemyShape::Cross},     {"Splitling", EnemyShape::Pentagon},
    {"Splitter", EnemyShape::Hexagon}, {"Swarm", EnemyShape::Star},
};

constexpr glm::vec2 kUp{0.0f, -1.0f};

glm::vec2 perp(glm::vec2 d) {
    return {-d.y, d.x};
}

// One layer of a shape: the silhouette at size r (the body is two layers, edge then fill).
void layer(engine::ShapeBatch& batch, EnemyShape shape, glm::vec2 c, glm::vec2 heading, float r,
           uint32_t rgba) {
    switch (shape) {
    case EnemyShape::Circle: batch.disc(c, r, rgba); return;
    case EnemyShape::Triangle: batch.polygon(c, r * 1.35f, 3, heading, rgba); return;
    case EnemyShape::Square:
        batch.polygon(c, r * 1.25f, 4, glm::vec2(0.7071f, 0.7071f), rgba);
        return;
    case EnemyShape::Diamond: {
        const glm::vec2 f = heading * (r * 1.45f), s = perp(heading) * (r * 0.85f);
        batch.triangle(c + f, c + s, c - f, rgba);
        batch.triangle(c + f, c - f, c - s, rgba);
        return;
    }
    case EnemyShape::Pentagon: batch.polygon(c, r * 1.15f, 5, kUp, rgba); return;
    case EnemyShape::Hexagon: batch.polygon(c, r * 1.12f, 6, kUp, rgba); return;
    case EnemyShape::Star:
        batch.polygon(c, r * 1.4f, 3, kUp, rgba);
        batch.polygon(c, r * 1.4f, 3, -kUp, rgba);
        return;
    case EnemyShape::Cross: {
        const float arm = r * 1.25f, half = r * 0.42f;
        batch.rect(c - glm::vec2(arm, half), c + glm::vec2(arm, half), rgba);
        batch.rect(c - glm::vec2(half, arm), c + glm::vec2(half, arm), rgba);
        return;
    }
    }
}
} // namespace

const char* enemyShapeName(EnemyShape shape) {
    switch (shape) {
    case EnemyShape::Circle: return "circle";
    case EnemyShape::Triangle: return "triangle";
    case EnemyShape::Square: return "square";
    case EnemyShape::Diamond: return "diamond";
    case EnemyShape::Pentagon: return "pentagon";
    case EnemyShape::Hexagon: return "hexagon";
    case EnemyShape::Star: return "star";
    case EnemyShape::Cross: return "cross";
    }
    return "?";
}

EnemyShape enemyShapeFor(std::string_view typeName) {
    for (const Entry& e : kShapes)
        if (e.name == typeName)
            return e.shape;
    return EnemyShape::Circle;
}

void drawEnemyBody(engine::ShapeBatch& batch, EnemyShape shape, glm::vec2 center, glm::vec2 heading,
                   float radius, float edgeWidth, uint32_t fill, uint32_t edge) {
    if (shape == EnemyShape::Circle) { // a ring is one quad, cheaper than an inset second disc
        batch.disc(center, radius, fill);
        batch.ring(center, radius, edgeWidth, edge);
        return;
    }
    layer(batch, shape, center, heading, radius, edge);
    layer(batch, shape, center, heading, std::max(radius - edgeWidth, radius * 0.3f), fill);
}

} // namespace game
