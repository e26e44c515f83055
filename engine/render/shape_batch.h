#pragma once
// ShapeBatch: every 2D shape of a frame (discs, rings, rects, lines, triangles) in one vertex
// buffer, drawn with one shader in as few glDrawArrays calls as the buffer size allows.
//
// Contract:
// - init() needs a current GL 3.3 core context; returns false with *error on shader failure.
// - begin(viewProjection) ... shapes ... end(): shapes are drawn in submission order (later on
// top).
// - Colours are 0xRRGGBBAA. Discs and rings are antialiased in the fragment shader.
// - drawCallsLastFrame() reports how many draw calls end() issued, for the overlay and tests.
// - Without init() (no GL context) the shapes are still built, vertex by vertex, and end() counts
//   and drops them (verticesLastFrame): the CPU's share of a frame, which arena-bench measures.
// - polygon() draws a regular convex polygon of 3 to kMaxPolygonSides sides as a fan of sides - 2
//   triangles; its first corner lies at center + radius * direction (direction of length 1).
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace engine {

inline constexpr int kMaxPolygonSides = 12;

/// Corner i of a regular polygon with `sides` corners on the unit circle, the first one at
/// `direction` (length 1), counter-clockwise. Corners come from a table: no trigonometry per call.
glm::vec2 regularPolygonCorner(int i, int sides, glm::vec2 direction);

class ShapeBatch {
public:
    ShapeBatch() = default;
    ~ShapeBatch();
    ShapeBatch(const ShapeBatch&) = delete;
    ShapeBatch& operator=(const ShapeBatch&) = delete;

    bool init(std::string* error);
    void begin(const glm::mat4& viewProjection);
    void disc(glm::vec2 center, float radius, uint32_t rgba);
    void ring(glm::vec2 center, float radius, float thickness, uint32_t rgba);
    void rect(glm::vec2 min, glm::vec2 max, uint32_t rgba);
    void line(glm::vec2 a, glm::vec2 b, float width, uint32_t rgba);
    void triangle(glm::vec2 a, glm::vec2 b, glm::vec2 c, uint32_t rgba);
    void polygon(glm::vec2 center, float radius, int sides, glm::vec2 direction, uint32_t rgba);
    void end();

    int drawCallsLastFrame() const { return m_drawCalls; }
    size_t verticesLastFrame() const { return m_verticesLastFrame; }

private:
    struct Vertex {
        float x, y;  // world position
        float u, v;  // local coordinates in [-1, 1] for round shapes
        float inner; // ring: inner radius as a fraction of the outer; 0 = filled; <0 = no rounding
        uint32_t rgba; // packed colour
    };
    void flush();
    void push(const Vertex& v) {
        m_vertices.push_back(v);
        if (m_vertices.size() >= kMaxVertices)
            flush();
    }

    static constexpr size_t kMaxVertices = 6 * 32768;
    std::vector<Vertex> m_vertices;
    glm::mat4 m_viewProjection{1.0f};
    unsigned m_program = 0, m_vao = 0, m_vbo = 0;
    int m_uViewProjection = -1;
    int m_drawCalls = 0, m_drawCallsThisFrame = 0;
    size_t m_verticesLastFrame = 0, m_verticesThisFrame = 0;
};

} // namespace engine
