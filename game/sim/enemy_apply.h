#pragma once
// EnemyApply: the tick's apply step for the enemies (movement, firing, the faulted flag), and
// what the next snapshot needs from every record (World::pointsWritten).
//
// It can run in two places, with the same result:
// - inside the think phase, on its threads, for each range of enemies as soon as their thinks
//   returned (ThinkContext::applyRange), with their intents from the phase's own buffers: the
//   records and intents are still in cache;
// - after the think phase, for every enemy it did not apply (all of them for a phase that never
//   calls applyRange, and the faulted, whose idle intents are only set after the phase).
// Applying an enemy touches its own record and array entries only, and a think reads no other
// enemy's record (neighbours come from the grid's copies), so the two interleave safely. The
// bullets fired are joined in dense order whatever the ranges, so the world is the same for any
// pool, any batch cut, fused or not.
#include "engine/world/enemy_type.h"
#include "engine/world/intent.h"
#include "engine/world/world.h"

#include <cstdint>
#include <span>
#include <vector>

namespace engine {
class WorkerPool;
}

namespace game {

class EnemyApply {
public:
    /// Before the think phase: `lanes` writers may call applyRange at once (one per thread).
    /// `intents` (dense order) are read by finish, for the enemies applyRange was not given.
    void begin(engine::World& world, std::span<const engine::Intent> intents,
               std::span<const engine::EnemyType> types, int lanes);
    /// Applies the enemies [first, last) (dense indices), whose intents are
    /// intents[0 .. last - first), on `lane`. Thread-safe across lanes.
    void applyRange(int lane, uint32_t first, uint32_t last, const engine::Intent* intents);
    /// After the think phase: applies every enemy not applied yet (on `pool`), appends the bullets
    /// fired to the world in dense order, and tells the world its per-enemy arrays are written.
    void finish(engine::WorkerPool* pool);

private:
    struct Range {
        uint32_t first;
        uint32_t lane, bullet, bullets; // where its bullets are in its lane
    };
    struct Lane {
        std::vector<engine::Bullet> bullets;
        std::vector<Range> ranges;
        size_t faulted = 0;
    };
    void apply(Lane& lane, uint32_t laneIndex, uint32_t first, uint32_t last,
               const engine::Intent* intents);

    engine::World* m_world = nullptr;
    std::span<const engine::Intent> m_intents;
    std::span<const engine::EnemyType> m_types;
    std::vector<Lane> m_lanes;
    std::vector<uint8_t> m_applied; // per enemy: applied inside the think phase
    std::vector<Range> m_ranges;    // finish: every range, sorted
};

} // namespace game
