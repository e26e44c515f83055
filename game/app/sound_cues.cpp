#include "game/app/sound_cues.h"

#include <algorithm>

namespace game {

engine::PlayRequest deathCue(const SoundBank& bank, uint16_t type, size_t deaths) {
    constexpr float kPitches[] = {1.0f, 0.8f, 1.25f, 0.67f};
    engine::PlayRequest r;
    r.sound = bank.enemyDeaths[type % bank.enemyDeaths.size()];
    r.pitch = kPitches[(type / bank.enemyDeaths.size()) % std::size(kPitches)];
    // A crowd dying sounds a little louder than one enemy, never much: the mixer's voices stay few.
    r.gain = std::min(1.0f, 0.7f + 0.05f * float(deaths - 1));
    return r;
}

void soundCues(const TickEvents& events, const SoundBank& bank,
               std::vector<engine::PlayRequest>& out) {
    if (events.playerShots > 0)
        out.push_back({bank.shot});
    if (!events.hits.empty())
        out.push_back({bank.enemyHit});
    // Deaths per type, in the order the types first died this tick (no allocation: a few slots).
    std::array<uint16_t, kMaxDeathCuesPerTick> types{};
    std::array<size_t, kMaxDeathCuesPerTick> counts{};
    size_t distinct = 0;
    for (const DeathEvent& d : events.deaths) {
        const auto end = types.begin() + std::ptrdiff_t(distinct);
        const auto it = std::find(types.begin(), end, d.type);
        if (it != end)
            ++counts[size_t(it - types.begin())];
        else if (distinct < kMaxDeathCuesPerTick) {
            types[distinct] = d.type;
            counts[distinct++] = 1;
        }
    }
    for (size_t i = 0; i < distinct; ++i)
        out.push_back(deathCue(bank, types[i], counts[i]));
    if (events.playerDied)
        out.push_back({bank.gameOver}); // it says more than the hit that caused it
    else if (!events.playerHits.empty())
        out.push_back({bank.playerHit});
    if (events.waveStarted)
        out.push_back({bank.waveStart});
}

} // namespace game
