#pragma once
// SpatialGrid: a uniform grid over the arena, rebuilt from scratch every tick (counting sort), then
// read-only for the rest of the tick, so the parallel think phase can query it from any thread.
//
// Contract:
// - rebuild(positions, velocities) stores item i (the index into positions) in the cell containing
//   it; points outside the bounds are clamped into the border cells, so every item is findable.
//   Velocities are optional (zero when not given): neighbour queries that need them (flocking)
//   then read one contiguous run per row of cells instead of chasing items across the world.
// - forEachInRadius visits every item whose position is within radius (inclusive) of center, in a
//   deterministic order (cells row by row, items by ascending index within a cell).
// - nearest() gives the items forEachInRadius would visit, ordered by distance and then by visiting
//   order, but searches outwards cell ring by cell ring and stops once no nearer one can exist.
// - No allocation after the first rebuild of a given size and number of parts (see partsFor).
#include "engine/core/large_array.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace engine {

class WorkerPool;

/// One stored item, in cell order: what neighbour queries read.
struct GridPoint {
    glm::vec2 position;
    glm::vec2 velocity;
};

class SpatialGrid {
public:
    void configure(glm::vec2 worldSize, float cellSize);
    /// With a pool, both passes of the counting sort run in parallel; the result is the same.
    void rebuild(std::span<const glm::vec2> positions, std::span<const glm::vec2> velocities = {},
                 WorkerPool* pool = nullptr);

    template <class Fn> // Fn(uint32_t item, glm::vec2 position)
    void forEachInRadius(glm::vec2 center, float radius, Fn&& fn) const;

    /// Up to maxCount items nearest to center within radius, excluding `exclude`, nearest first.
    /// Returns how many were written to out.
    int nearest(glm::vec2 center, float radius, uint32_t exclude, std::span<uint32_t> out) const;

    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    float cellSize() const { return m_cellSize; }
    size_t itemCount() const { return m_items.size(); }
    glm::vec2 positionOf(uint32_t item) const { return m_points[m_slotOf[item]].position; }

    // Raw arrays for readers that cannot call C++ per query (the Lua batch driver). Valid until
    // the next rebuild. Cell c holds slots cellStartData()[c] .. cellStartData()[c+1]); slot k is
    // item itemData()[k] at pointData()[k].
    const uint32_t* cellStartData() const { return m_cellStart.data(); }
    const uint32_t* itemData() const { return m_items.data(); }
    const GridPoint* pointData() const { return m_points.data(); }
    const uint32_t* slotData() const { return m_slotOf.data(); } // item i is at slot slotData()[i]

private:
    int clampColumn(float x) const;
    int clampRow(float y) const;

    glm::vec2 m_worldSize{0.0f};
    float m_cellSize = 1.0f;
    float m_inverseCell = 1.0f;
    int m_columns = 1, m_rows = 1;
    std::vector<uint32_t> m_cellStart = {0, 0}; // cells+1: cell c's slots are start[c]..start[c+1])
    LargeArray<uint32_t> m_items;               // slot -> item
    LargeArray<GridPoint> m_points;             // slot -> its point: a query reads memory in order
    LargeArray<uint32_t> m_slotOf;              // item -> slot
    std::vector<uint32_t> m_partCursor;         // rebuild: per part and cell, the next slot
};

template <class Fn>
void SpatialGrid::forEachInRadius(glm::vec2 center, float radius, Fn&& fn) const {
    if (m_items.empty() || !(radius >= 0.0f))
        return;
    const int c0 = clampColumn(center.x - radius), c1 = clampColumn(center.x + radius);
    const int r0 = clampRow(center.y - radius), r1 = clampRow(center.y + radius);
    const float r2 = radius * radius;
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            const int cell = r * m_columns + c;
            for (uint32_t k = m_cellStart[cell], e = m_cellStart[cell + 1]; k < e; ++k) {
                const glm::vec2 p = m_points[k].position;
                const float dx = p.x - center.x, dy = p.y - center.y;
                if (dx * dx + dy * dy <= r2)
                    fn(m_items[k], p);
            }
        }
    }
}

} // namespace engine
