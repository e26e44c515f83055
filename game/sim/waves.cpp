#include "game/sim/waves.h"

#include <algorithm>

namespace game {

glm::vec2 Waves::edgePoint(glm::vec2 size, engine::Rng& rng) {
    constexpr float kOutside = 30.0f;
    const float t = rng.unit();
    switch (rng.below(4)) {
    case 0: return {t * size.x, -kOutside};
    case 1: return {t * size.x, size.y + kOutside};
    case 2: return {-kOutside, t * size.y};
    default: return {size.x + kOutside, t * size.y};
    }
}

void Waves::update(size_t liveEnemies, std::span<const uint16_t> byStrength,
                   std::span<const int> groupSize, glm::vec2 arenaSize, engine::Rng& rng,
                   std::vector<SpawnRequest>& out) {
    if (m_toSpawn == 0) {
        // Between waves: wait until the field is (nearly) clear, then take a breath.
        if (m_wave > 0 && liveEnemies > size_t(m_waveSize / 2))
            return;
        if (m_breakTicks-- > 0)
            return;
        ++m_wave;
        m_waveSize = 8 + 5 * m_wave;
        m_toSpawn = m_waveSize;
        m_spawnTimer = 0;
        m_breakTicks = 45;
    }
    if (m_spawnTimer-- > 0)
        return;
    m_spawnTimer = std::max(8, 30 - 2 * m_wave);
    // A group of one type arrives together from one edge: it reads as a wave, not a drizzle.
    const auto unlocked = uint32_t(std::min<size_t>(byStrength.size(), size_t(m_wave)));
    const uint16_t type = byStrength[rng.below(unlocked)];
    const int group = std::min(m_toSpawn, std::max(1, groupSize[type]) + m_wave / 4);
    const glm::vec2 anchor = edgePoint(arenaSize, rng);
    for (int i = 0; i < group; ++i) {
        const glm::vec2 jitter{rng.range(-45.0f, 45.0f), rng.range(-45.0f, 45.0f)};
        out.push_back({type, anchor + jitter});
    }
    m_toSpawn -= group;
}

} // namespace game
