#include "engine/render/shape_batch.h"

#include "engine/render/gl.h"

#include <glm/geometric.hpp>
#include <glm/gtc/type_ptr.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>

namespace engine {

namespace {

// Colours travel as 0xRRGGBBAA integers and reach the shader as four normalised bytes; on a
// little-endian machine those bytes arrive as (A, B, G, R), which the vertex shader swizzles back.
static_assert(std::endian::native == std::endian::little,
              "the colour swizzle in the vertex shader assumes little-endian vertex data");

constexpr const char* kVertexShader = R"glsl(#version 330 core
layout(location = 0) in vec2 aPos;
layout(location = 1) in vec2 aUv;
layout(location = 2) in float aInner;
layout(location = 3) in vec4 aColor; // 0xRRGGBBAA read as bytes: (A, B, G, R)
uniform mat4 uViewProjection;
out vec2 vUv;
out float vInner;
out vec4 vColor;
void main() {
    vUv = aUv;
    vInner = aInner;
    vColor = aColor.abgr;
    gl_Position = uViewProjection * vec4(aPos, 0.0, 1.0);
}
)glsl";

// Round shapes compute coverage from the distance to the centre in local units; fwidth turns
// "one pixel" into those units so the edge is one pixel wide at any zoom. The edge lies inside
// the quad (coverage reaches 0 exactly at r = 1) so no fringe is cut off by the quad border.
constexpr const char* kFragmentShader = R"glsl(#version 330 core
in vec2 vUv;
in float vInner;
in vec4 vColor;
out vec4 fragColor;
void main() {
    float coverage = 1.0;
    if (vInner >= 0.0) {
        float r = length(vUv);
        float w = max(fwidth(r), 1e-5);
        coverage = clamp((1.0 - r) / w, 0.0, 1.0);
        if (vInner > 0.0)
            coverage *= clamp((r - vInner) / w, 0.0, 1.0);
        if (coverage <= 0.0)
            discard;
    }
    fragColor = vec4(vColor.rgb, vColor.a * coverage);
}
)glsl";

constexpr float kSolid = -1.0f; // Vertex::inner value for shapes without rounding

// Unit corners of every regular polygon the batch draws, first corner at (1, 0): computed once, so
// drawing thousands of polygons a frame costs multiplications, not sines.
struct PolygonTable {
    glm::vec2 corners[kMaxPolygonSides + 1][kMaxPolygonSides] = {};
    PolygonTable() {
        for (int n = 3; n <= kMaxPolygonSides; ++n)
            for (int i = 0; i < n; ++i) {
                const double a = 6.283185307179586 * double(i) / double(n);
                corners[n][i] = {float(std::cos(a)), float(std::sin(a))};
            }
    }
};
const PolygonTable kPolygons;

GLuint compileShader(GLenum type, const char* source, std::string* error) {
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        char log[2048] = {};
        glGetShaderInfoLog(shader, sizeof(log), nullptr, log);
        if (error)
            *error =
                std::string(type == GL_VERTEX_SHADER ? "vertex" : "fragment") + " shader: " + log;
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

} // namespace

glm::vec2 regularPolygonCorner(int i, int sides, glm::vec2 direction) {
    sides = std::clamp(sides, 3, kMaxPolygonSides);
    const glm::vec2 c = kPolygons.corners[sides][((i % sides) + sides) % sides];
    // Rotates the table's corner so that corner 0 lands on direction.
    return {c.x * direction.x - c.y * direction.y, c.x * direction.y + c.y * direction.x};
}

ShapeBatch::~ShapeBatch() {
    // Needs the context that init() ran in to still be current: destroy before the Window.
    if (m_vbo)
        glDeleteBuffers(1, &m_vbo);
    if (m_vao)
        glDeleteVertexArrays(1, &m_vao);
    if (m_program)
        glDeleteProgram(m_program);
}

bool ShapeBatch::init(std::string* error) {
    GLuint vs = compileShader(GL_VERTEX_SHADER, kVertexShader, error);
    if (!vs)
        return false;
    GLuint fs = compileShader(GL_FRAGMENT_SHADER, kFragmentShader, error);
    if (!fs) {
        glDeleteShader(vs);
        return false;
    }
    m_program = glCreateProgram();
    glAttachShader(m_program, vs);
    glAttachShader(m_program, fs);
    glLinkProgram(m_program);
    glDeleteShader(vs); // flagged for deletion, freed with the program
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(m_program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        char log[2048] = {};
        glGetProgramInfoLog(m_program, sizeof(log), nullptr, log);
        if (error)
            *error = std::string("shader link: ") + log;
        glDeleteProgram(m_program);
        m_program = 0;
        return false;
    }
    m_uViewProjection = glGetUniformLocation(m_program, "uViewProjection");

    glGenVertexArrays(1, &m_vao);
    glGenBuffers(1, &m_vbo);
    glBindVertexArray(m_vao);
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(kMaxVertices * sizeof(Vertex)), nullptr,
                 GL_STREAM_DRAW);
    const auto stride = static_cast<GLsizei>(sizeof(Vertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(Vertex, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(Vertex, u)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(Vertex, inner)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(offsetof(Vertex, rgba)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    m_vertices.reserve(kMaxVertices);
    return true;
}

void ShapeBatch::begin(const glm::mat4& viewProjection) {
    m_viewProjection = viewProjection;
    m_vertices.clear();
    m_drawCallsThisFrame = 0;
    m_verticesThisFrame = 0;
}

void ShapeBatch::disc(glm::vec2 center, float radius, uint32_t rgba) {
    ring(center, radius, radius, rgba);
}

void ShapeBatch::ring(glm::vec2 center, float radius, float thickness, uint32_t rgba) {
    if (!(radius > 0.0f))
        return;
    // The ring lies inside the circle of the given radius (outer edge = radius), so a ring drawn
    // with a disc's radius outlines that disc without growing it.
    float inner = std::clamp((radius - thickness) / radius, 0.0f, 1.0f);
    float x0 = center.x - radius, x1 = center.x + radius;
    float y0 = center.y - radius, y1 = center.y + radius;
    push({x0, y0, -1.0f, -1.0f, inner, rgba});
    push({x1, y0, 1.0f, -1.0f, inner, rgba});
    push({x1, y1, 1.0f, 1.0f, inner, rgba});
    push({x0, y0, -1.0f, -1.0f, inner, rgba});
    push({x1, y1, 1.0f, 1.0f, inner, rgba});
    push({x0, y1, -1.0f, 1.0f, inner, rgba});
}

void ShapeBatch::rect(glm::vec2 min, glm::vec2 max, uint32_t rgba) {
    push({min.x, min.y, 0.0f, 0.0f, kSolid, rgba});
    push({max.x, min.y, 0.0f, 0.0f, kSolid, rgba});
    push({max.x, max.y, 0.0f, 0.0f, kSolid, rgba});
    push({min.x, min.y, 0.0f, 0.0f, kSolid, rgba});
    push({max.x, max.y, 0.0f, 0.0f, kSolid, rgba});
    push({min.x, max.y, 0.0f, 0.0f, kSolid, rgba});
}

void ShapeBatch::line(glm::vec2 a, glm::vec2 b, float width, uint32_t rgba) {
    glm::vec2 d = b - a;
    float length = glm::length(d);
    if (!(length > 0.0f))
        return;
    glm::vec2 n = glm::vec2(-d.y, d.x) * (0.5f * width / length);
    glm::vec2 p0 = a + n, p1 = b + n, p2 = b - n, p3 = a - n;
    push({p0.x, p0.y, 0.0f, 0.0f, kSolid, rgba});
    push({p1.x, p1.y, 0.0f, 0.0f, kSolid, rgba});
    push({p2.x, p2.y, 0.0f, 0.0f, kSolid, rgba});
    push({p0.x, p0.y, 0.0f, 0.0f, kSolid, rgba});
    push({p2.x, p2.y, 0.0f, 0.0f, kSolid, rgba});
    push({p3.x, p3.y, 0.0f, 0.0f, kSolid, rgba});
}

void ShapeBatch::triangle(glm::vec2 a, glm::vec2 b, glm::vec2 c, uint32_t rgba) {
    push({a.x, a.y, 0.0f, 0.0f, kSolid, rgba});
    push({b.x, b.y, 0.0f, 0.0f, kSolid, rgba});
    push({c.x, c.y, 0.0f, 0.0f, kSolid, rgba});
}

void ShapeBatch::polygon(glm::vec2 center, float radius, int sides, glm::vec2 direction,
                         uint32_t rgba) {
    sides = std::clamp(sides, 3, kMaxPolygonSides);
    const glm::vec2* unit = kPolygons.corners[sides];
    const glm::vec2 x = radius * direction, y(-x.y, x.x); // the table's axes, scaled and turned
    const auto corner = [&](int i) { return center + unit[i].x * x + unit[i].y * y; };
    const glm::vec2 first = corner(0);
    glm::vec2 previous = corner(1);
    for (int i = 2; i < sides; ++i) {
        const glm::vec2 next = corner(i);
        triangle(first, previous, next, rgba);
        previous = next;
    }
}

void ShapeBatch::end() {
    flush();
    m_drawCalls = m_drawCallsThisFrame;
    m_verticesLastFrame = m_verticesThisFrame;
}

void ShapeBatch::flush() {
    // kMaxVertices is a multiple of 3 and every shape pushes whole triangles, so a flush that
    // push() triggers mid-shape still splits the buffer on a triangle boundary.
    static_assert(kMaxVertices % 3 == 0);
    if (m_vertices.empty())
        return;
    if (!m_program) { // no GL: built, counted, dropped (the header's contract)
        m_verticesThisFrame += m_vertices.size();
        m_vertices.clear();
        return;
    }

    // State is set on every flush, not once in begin(): the caller may render other things
    // (ImGui, its own GL) between begin() and end().
    glUseProgram(m_program);
    glUniformMatrix4fv(m_uViewProjection, 1, GL_FALSE, glm::value_ptr(m_viewProjection));
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE); // lines and triangles come in either winding
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    // Separate alpha factors keep destination alpha at 1, so read-back screenshots stay opaque.
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    glBindVertexArray(m_vao);
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
    const auto bytes = static_cast<GLsizeiptr>(m_vertices.size() * sizeof(Vertex));
    // Orphaning the storage lets the driver hand out fresh memory instead of waiting for the
    // previous draw to finish reading the old one.
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(kMaxVertices * sizeof(Vertex)), nullptr,
                 GL_STREAM_DRAW);
    glBufferSubData(GL_ARRAY_BUFFER, 0, bytes, m_vertices.data());
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(m_vertices.size()));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(0);

    ++m_drawCallsThisFrame;
    m_verticesThisFrame += m_vertices.size();
    m_vertices.clear();
}

} // namespace engine
