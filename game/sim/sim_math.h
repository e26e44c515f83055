#pragma once
// Small math the simulation shares (the player's apply and the enemies'): one definition, so a
// change cannot make the two disagree.
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

#include <cmath>

namespace game {

/// v shortened to maxLength if longer; NaN or infinite vectors collapse to zero.
[[gnu::always_inline]] inline glm::vec2 clampLength(glm::vec2 v, float maxLength) {
    const float len2 = glm::dot(v, v);
    if (!(len2 <= maxLength * maxLength)) // NaN intents collapse to zero below
        return std::isfinite(len2) && len2 > 0.0f ? v * (maxLength / std::sqrt(len2))
                                                  : glm::vec2(0);
    return v;
}

} // namespace game
