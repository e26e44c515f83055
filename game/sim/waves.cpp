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

void Waves::update(size_t liveEnemies, size_t typeCount, glm::vec2 arenaSize, engine::Rng& rng,
                   std::vector<SpawnRequest>& out) {
    if (m_toSpawn == 0) {
        // Between waves: wait until the field is (nearly) clear, then take a breath.
        if (m_wave > 0 && liveEnemies > size_t(m_waveSize / 4))
            return;
        if (m_breakTicks-- > 0)
            return;
        ++m_wave;
        m_waveSize = 5 + 3 * m_wave;
        m_toSpawn = m_waveSize;
        m_spawnTimer = 0;
        m_breakTicks = 90;
    }
    if (m_spawnTimer-- > 0)
        return;
    m_spawnTimer = std::max(4, 26 - 2 * m_wave);
    // Small groups arrive together from the same edge: it reads as a wave, not a drizzle.
    const int group = std::min(m_toSpawn, 1 + m_wave / 3);
    const glm::vec2 anchor = edgePoint(arenaSize, rng);
    for (int i = 0; i < group; ++i) {
        // Later waves unlock later (stronger) types, one every two waves.
        const auto unlocked = uint32_t(std::min<size_t>(typeCount, size_t(1 + m_wave / 2)));
        const auto type = uint16_t(rng.below(unlocked));
        const glm::vec2 jitter{rng.range(-40.0f, 40.0f), rng.range(-40.0f, 40.0f)};
        out.push_back({type, anchor + jitter});
    }
    m_toSpawn -= group;
}

} // namespace game
