#include "engine/render/camera2d.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>

namespace engine {

void Camera2D::fit(glm::vec2 worldSize, glm::vec2 viewportPixels) {
    fitInto(worldSize, glm::vec2(0.0f), viewportPixels, viewportPixels);
}

void Camera2D::fitInto(glm::vec2 worldSize, glm::vec2 rectMin, glm::vec2 rectSize,
                       glm::vec2 windowPixels) {
    // A minimised window reports a 0x0 drawable; keep the math finite instead of dividing by 0.
    glm::vec2 world = glm::max(worldSize, glm::vec2(1e-6f));
    glm::vec2 rect = glm::max(rectSize, glm::vec2(1.0f));
    glm::vec2 window = glm::max(windowPixels, glm::vec2(1.0f));

    m_scale = std::min(rect.x / world.x, rect.y / world.y);
    m_offset = rectMin + (rect - world * m_scale) * 0.5f;

    // The projection covers the whole window, bars included, so pixel p maps to the same world
    // point here as in screenToWorld; top and bottom are swapped in ortho to make y grow down.
    glm::vec2 topLeft = -m_offset / m_scale;
    glm::vec2 bottomRight = (window - m_offset) / m_scale;
    m_viewProjection = glm::ortho(topLeft.x, bottomRight.x, bottomRight.y, topLeft.y, -1.0f, 1.0f);
}

glm::vec2 Camera2D::screenToWorld(glm::vec2 pixel) const {
    return (pixel - m_offset) / m_scale;
}

glm::vec2 Camera2D::worldToScreen(glm::vec2 world) const {
    return m_offset + world * m_scale;
}

} // namespace engine
