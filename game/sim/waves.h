#pragma once
// Waves: decides what to spawn when. Wave n spawns 8 + 5n enemies, in groups from the edges;
// the next wave starts shortly after the current one is half cleared. A new type joins the
// mix every wave, weakest first.
//
// The built-in waves: they run when there is no director script (scripts/director.lua), or while
// it fails. They run in the tick's hooks phase and only queue spawn requests.
#include "engine/core/random.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace game {

struct SpawnRequest {
    uint16_t type = 0;
    glm::vec2 position{0.0f};
    float hp = 0.0f; // <= 0: the type's own
};

class Waves {
public:
    void reset() { *this = Waves{}; }
    /// Queues this tick's spawns. `byStrength` lists type indices weakest first (non-empty);
    /// `groupSize[t]` is how many of type t arrive together.
    void update(size_t liveEnemies, std::span<const uint16_t> byStrength,
                std::span<const int> groupSize, glm::vec2 arenaSize, engine::Rng& rng,
                std::vector<SpawnRequest>& out);

    int wave() const { return m_wave; }
    int remainingInWave() const { return m_toSpawn; }

    /// A point just outside a random edge of the arena, where enemies enter from.
    static glm::vec2 edgePoint(glm::vec2 arenaSize, engine::Rng& rng);

private:
    int m_wave = 0;
    int m_toSpawn = 0;
    int m_waveSize = 0;
    int m_spawnTimer = 0;
    int m_breakTicks = 40; // a short breath before wave 1
};

} // namespace game
