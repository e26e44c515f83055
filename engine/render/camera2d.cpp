#include "engine/render/camera2d.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>

namespace engine {

void Camera2D::fit(glm::vec2 worldSize, glm::vec2 viewportPixels) {
    // A minimised window reports a 0x0 drawable; keep the math finite instead of dividing by 0.
    glm::vec2 world = glm::max(worldSize, glm::vec2(1e-6f));
    glm::vec2 viewport = glm::max(viewportPixels, glm::vec2(1.0f));

    m_scale = std::min(viewport.x / world.x, viewport.y / world.y);
    m_offset = (viewport - world * m_scale) * 0.5f;

    // The projection covers the whole viewport, bars included, so pixel p maps to the same world
    // point here as in screenToWorld; top and bottom are swapped in ortho to make y grow down.
    glm::vec2 topLeft = -m_offset / m_scale;
    glm::vec2 bottomRight = (viewport - m_offset) / m_scale;
    m_viewProjection = glm::ortho(topLeft.x, bottomRight.x, bottomRight.y, topLeft.y, -1.0f, 1.0f);
}

glm::vec2 Camera2D::screenToWorld(glm::vec2 pixel) const {
    return (pixel - m_offset) / m_scale;
}

glm::vec2 Camera2D::worldToScreen(glm::vec2 world) const {
    return m_offset + world * m_scale;
}

} // namespace engine
