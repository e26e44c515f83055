#pragma once
// Sound cues: which sounds one tick's events ask for. Pure (no device, no mixer): the window
// queues the result on the mixer, which rate-limits each sound, so 2,000 deaths in one tick are
// one death sound per enemy type here and one start per few ticks there.
#include "engine/audio/mixer.h"
#include "game/sim/events.h"

#include <array>
#include <vector>

namespace game {

/// The game's sounds as the mixer knows them (game_sounds.h makes them).
struct SoundBank {
    engine::SoundId shot = engine::kNoSound;
    engine::SoundId enemyHit = engine::kNoSound;
    std::array<engine::SoundId, 3> enemyDeaths{engine::kNoSound, engine::kNoSound,
                                               engine::kNoSound}; // timbres, picked by type
    engine::SoundId playerHit = engine::kNoSound;
    engine::SoundId waveStart = engine::kNoSound;
    engine::SoundId gameOver = engine::kNoSound;
};

inline constexpr size_t kMaxDeathCuesPerTick = 3; // distinct enemy types heard in one tick

/// The death sound of an enemy type: a timbre (type % 3) and a pitch (from type / 3), so the
/// first dozen types all sound different.
engine::PlayRequest deathCue(const SoundBank& bank, uint16_t type, size_t deaths);

/// Appends the play requests for one tick's events to `out`: at most one per kind of event,
/// and one death per type for up to kMaxDeathCuesPerTick types.
void soundCues(const TickEvents& events, const SoundBank& bank,
               std::vector<engine::PlayRequest>& out);

} // namespace game
