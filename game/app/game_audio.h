#pragma once
// GameAudio: the window's sound. Owns the mixer, the game's sounds and the device; after each
// step it queues the tick's cues (sound_cues.h). The simulation never sees it: the same
// world_hash with or without sound. Headless and screenshot runs never make one.
#include "engine/audio/audio_device.h"
#include "engine/audio/mixer.h"
#include "game/app/sound_cues.h"

#include <memory>
#include <vector>

namespace game {

class GameAudio {
public:
    /// Opens the default device; without one, warns once on stderr and stays silent.
    explicit GameAudio(bool muted);
    /// Queues the sounds of the step just taken. Never blocks (mixer.h).
    void onStep(const TickEvents& events);
    void setMuted(bool muted) { m_mixer.setMuted(muted); }
    void setVolume(float volume) { m_mixer.setVolume(volume); }
    bool muted() const { return m_mixer.muted(); }
    float volume() const { return m_mixer.volume(); }

private:
    engine::Mixer m_mixer; // outlives the device (declared first)
    SoundBank m_bank;
    std::vector<engine::PlayRequest> m_requests; // reused: no allocation per step
    std::unique_ptr<engine::AudioDevice> m_device;
};

} // namespace game
