#pragma once
// Camera2D: shows a world rectangle [0, worldSize] in a viewport, letterboxed to keep the aspect,
// with y growing downwards (screen convention). Pure math: no GL, testable headless.
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>

namespace engine {

class Camera2D {
public:
    void fit(glm::vec2 worldSize, glm::vec2 viewportPixels);
    /// Shows the world inside the rectangle [rectMin, rectMin + rectSize] of a window of
    /// windowPixels (the projection still covers the whole window, so pixels map 1:1).
    void fitInto(glm::vec2 worldSize, glm::vec2 rectMin, glm::vec2 rectSize,
                 glm::vec2 windowPixels);
    const glm::mat4& viewProjection() const { return m_viewProjection; }
    glm::vec2 screenToWorld(glm::vec2 pixel) const;
    glm::vec2 worldToScreen(glm::vec2 world) const;
    float pixelsPerUnit() const { return m_scale; }

private:
    glm::mat4 m_viewProjection{1.0f};
    glm::vec2 m_offset{0.0f}; // pixel position of world (0,0)
    float m_scale = 1.0f;
};

} // namespace engine
