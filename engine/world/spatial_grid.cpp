#include "engine/world/spatial_grid.h"

#include "engine/core/parallel_ranges.h"

#include <algorithm>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace engine {

void SpatialGrid::configure(glm::vec2 worldSize, float cellSize) {
    m_worldSize = worldSize;
    m_cellSize = std::max(cellSize, 1e-3f);
    m_inverseCell = 1.0f / m_cellSize;
    m_columns = std::max(1, int(std::ceil(worldSize.x * m_inverseCell)));
    m_rows = std::max(1, int(std::ceil(worldSize.y * m_inverseCell)));
    m_cellStart.assign(size_t(m_columns) * size_t(m_rows) + 1, 0);
    m_items.clear();
    m_points.clear();
    m_slotOf.clear();
}

namespace {
// c in cells, clamped to [0, n). No floor(): c >= 0 exactly when floor(c) >= 0, c >= n exactly
// when floor(c) >= n (n is whole), and in between truncation is floor. Without SSE4.1, floor is
// a dozen instructions, twice per item in the rebuild.
int clampedCell(float c, int n) {
    if (!(c >= 0.0f)) // NaN lands in cell 0 too
        return 0;
    return c >= float(n) ? n - 1 : int(c);
}

// The cell of a point, from copies of the grid's shape: see rebuild().
struct CellOf {
    float inverse;
    int columns, rows;
    uint32_t operator()(glm::vec2 p) const {
        return uint32_t(clampedCell(p.y * inverse, rows) * columns +
                        clampedCell(p.x * inverse, columns));
    }
};

// The cells of points[0, count) into out, as CellOf gives them, four at a time with SSE2 (part
// of x86-64): the scalar loop was a third of the rebuild at a million points. clampedCell in
// vector form: MAXPS returns its second operand when either is NaN, so max(c, 0) sends NaN to 0
// as `!(c >= 0)` does; then min(c, n - 1) and truncation give clampedCell's result on [0, n) and
// n - 1 from n up. row * columns + column is exact in float below 2^24 cells.
void cellsOf(const glm::vec2* points, size_t count, const CellOf& shape, uint32_t* out) {
    static_assert(sizeof(glm::vec2) == 2 * sizeof(float), "two points are four packed floats");
    size_t i = 0;
#if defined(__SSE2__)
    if (int64_t(shape.columns) * shape.rows < (int64_t(1) << 24)) {
        const __m128 inverse = _mm_set1_ps(shape.inverse), zero = _mm_setzero_ps();
        const __m128 lastColumn = _mm_set1_ps(float(shape.columns - 1));
        const __m128 lastRow = _mm_set1_ps(float(shape.rows - 1));
        const __m128 columns = _mm_set1_ps(float(shape.columns));
        for (; i + 4 <= count; i += 4) {
            const __m128 a = _mm_loadu_ps(&points[i].x), b = _mm_loadu_ps(&points[i + 2].x);
            const __m128 x = _mm_mul_ps(_mm_shuffle_ps(a, b, _MM_SHUFFLE(2, 0, 2, 0)), inverse);
            const __m128 y = _mm_mul_ps(_mm_shuffle_ps(a, b, _MM_SHUFFLE(3, 1, 3, 1)), inverse);
            const __m128 column =
                _mm_cvtepi32_ps(_mm_cvttps_epi32(_mm_min_ps(_mm_max_ps(x, zero), lastColumn)));
            const __m128 row =
                _mm_cvtepi32_ps(_mm_cvttps_epi32(_mm_min_ps(_mm_max_ps(y, zero), lastRow)));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i),
                             _mm_cvttps_epi32(_mm_add_ps(_mm_mul_ps(row, columns), column)));
        }
    }
#endif
    for (; i < count; ++i)
        out[i] = shape(points[i]);
}
} // namespace

int SpatialGrid::clampColumn(float x) const {
    return clampedCell(x * m_inverseCell, m_columns);
}

int SpatialGrid::clampRow(float y) const {
    return clampedCell(y * m_inverseCell, m_rows);
}

void SpatialGrid::rebuild(std::span<const glm::vec2> positions,
                          std::span<const glm::vec2> velocities, WorkerPool* pool) {
    const size_t cells = size_t(m_columns) * size_t(m_rows);
    const size_t n = positions.size();
    const bool hasVelocities = velocities.size() == n;
    m_items.resize(n);
    m_points.resize(n);
    m_slotOf.resize(n);
    // Counting sort in contiguous parts of the items: each part counts its items per cell
    // (slotOf holds each item's cell meanwhile); cell by cell, part 0's items get the first
    // slots, so items stay in ascending index order within a cell whatever the number of parts.
    // The first pass reads the grid's shape from a local copy, both passes the arrays through raw
    // pointers: their uint32_t stores may alias an int wherever it lives (a member, or a copy
    // reached by reference), and the shape was then reloaded and converted again for every item,
    // a million per tick (seen in the disassembly).
    const CellOf shape{m_inverseCell, m_columns, m_rows};
    uint32_t* items = m_items.data();
    GridPoint* points = m_points.data();
    uint32_t* slotOf = m_slotOf.data();
    const uint32_t parts = partsFor(pool, n);
    m_partCursor.assign(size_t(parts) * cells, 0u);
    parallelRanges(pool, n, parts, [&](uint32_t part, size_t begin, size_t end) {
        const CellOf cellOf = shape;
        uint32_t* count = m_partCursor.data() + size_t(part) * cells;
        constexpr size_t kChunk = 1024; // cells counted while they are still in L1
        for (size_t chunk = begin; chunk < end; chunk += kChunk) {
            const size_t stop = std::min(end, chunk + kChunk);
            cellsOf(positions.data() + chunk, stop - chunk, cellOf, slotOf + chunk);
            for (size_t i = chunk; i < stop; ++i)
                ++count[slotOf[i]];
        }
    });
    uint32_t next = 0;
    for (size_t c = 0; c < cells; ++c) {
        m_cellStart[c] = next;
        for (uint32_t p = 0; p < parts; ++p) {
            uint32_t& slot = m_partCursor[size_t(p) * cells + c];
            const uint32_t count = slot;
            slot = next;
            next += count;
        }
    }
    m_cellStart[cells] = next;
    parallelRanges(pool, n, parts, [&](uint32_t part, size_t begin, size_t end) {
        uint32_t* cursor = m_partCursor.data() + size_t(part) * cells;
        const glm::vec2* position = positions.data();
        const glm::vec2* velocity = hasVelocities ? velocities.data() : nullptr;
        // The writes go to one run per cell, hundreds of runs at once: too many for the
        // hardware prefetchers, so each new line of a run was a miss the stores waited on. Each
        // item now asks for the lines two ahead in its run (a point is 16 bytes, an item 4).
        // At a million points: 5.1-5.5 -> 4.1-4.4 ms for the rebuild; at 100k 0.34 -> 0.29.
        const size_t last = n - 1;
        for (size_t i = begin; i < end; ++i) {
            const uint32_t slot = cursor[slotOf[i]]++;
            __builtin_prefetch(points + std::min<size_t>(slot + 8, last), 1);
            __builtin_prefetch(items + std::min<size_t>(slot + 32, last), 1);
            items[slot] = uint32_t(i);
            points[slot] = {position[i], velocity ? velocity[i] : glm::vec2(0.0f)};
            slotOf[i] = slot;
        }
    });
}

int SpatialGrid::nearest(glm::vec2 center, float radius, uint32_t exclude,
                         std::span<uint32_t> out) const {
    if (out.empty() || m_items.empty() || !(radius >= 0.0f))
        return 0;
    // The cells forEachInRadius would visit, taken in rings around the centre's cell. Items are
    // ranked by (distance, slot): slots ascend in forEachInRadius's visiting order, so ties
    // rank as they would in a plain scan of it.
    const int c0 = clampColumn(center.x - radius), c1 = clampColumn(center.x + radius);
    const int r0 = clampRow(center.y - radius), r1 = clampRow(center.y + radius);
    const int cc = clampColumn(center.x), cr = clampRow(center.y);
    const float r2 = radius * radius;
    const int size = int(out.size());
    int count = 0;
    // Parallel to out; thread_local keeps queries lock-free.
    thread_local std::vector<float> dist;
    thread_local std::vector<uint32_t> slotOf;
    dist.resize(out.size());
    slotOf.resize(out.size());
    const auto consider = [&](uint32_t k) {
        const glm::vec2 p = m_points[k].position;
        const float d = (p.x - center.x) * (p.x - center.x) + (p.y - center.y) * (p.y - center.y);
        if (!(d <= r2) || m_items[k] == exclude)
            return;
        const auto ranksBefore = [&](int j) {
            return d < dist[size_t(j)] || (d == dist[size_t(j)] && k < slotOf[size_t(j)]);
        };
        if (count == size && !ranksBefore(size - 1))
            return;
        int pos = count < size ? count : size - 1;
        while (pos > 0 && ranksBefore(pos - 1)) {
            out[size_t(pos)] = out[size_t(pos) - 1];
            dist[size_t(pos)] = dist[size_t(pos) - 1];
            slotOf[size_t(pos)] = slotOf[size_t(pos) - 1];
            --pos;
        }
        out[size_t(pos)] = m_items[k];
        dist[size_t(pos)] = d;
        slotOf[size_t(pos)] = k;
        if (count < size)
            ++count;
    };
    const auto visit = [&](int row, int column) {
        const int cell = row * m_columns + column;
        for (uint32_t k = m_cellStart[size_t(cell)], e = m_cellStart[size_t(cell) + 1]; k < e; ++k)
            consider(k);
    };
    const int rings = std::max({cc - c0, c1 - cc, cr - r0, r1 - cr});
    for (int ring = 0; ring <= rings; ++ring) {
        for (int row = std::max(r0, cr - ring); row <= std::min(r1, cr + ring); ++row) {
            if (row == cr - ring || row == cr + ring) {
                for (int column = std::max(c0, cc - ring); column <= std::min(c1, cc + ring);
                     ++column)
                    visit(row, column);
                continue;
            }
            if (cc - ring >= c0)
                visit(row, cc - ring);
            if (cc + ring <= c1)
                visit(row, cc + ring);
        }
        // Every item of the next ring's cells is at least ring cells away from the centre (a
        // border cell also holds the points clamped into it, but those lie beyond it): once the
        // list is full and its last is nearer than that, nothing further can rank in it. The
        // slack covers the rounding in placing points into cells, relative to the coordinates.
        const float reach = std::abs(center.x) + std::abs(center.y) + float(ring + 1) * m_cellSize;
        const float bound = float(ring) * m_cellSize - 1.0f - 1e-6f * reach;
        if (count == size && bound > 0.0f && bound * bound > dist[size_t(size) - 1])
            break;
    }
    return count;
}

} // namespace engine
