#include "game/app/game_audio.h"

#include "game/app/game_sounds.h"

#include <cstdio>
#include <string>

namespace game {

GameAudio::GameAudio(bool muted) : m_bank(addGameSounds(m_mixer)) {
    m_mixer.setMuted(muted);
    m_mixer.setVolume(0.8f); // headroom under the limiter's knee for a few voices at once
    std::string error;
    m_device = engine::AudioDevice::open(m_mixer, engine::defaultAudioDeviceDef(), &error);
    if (!m_device)
        std::fprintf(stderr, "arena: no sound (cannot open an audio device: %s)\n", error.c_str());
}

void GameAudio::onStep(const TickEvents& events) {
    if (!m_device)
        return;
    m_requests.clear();
    soundCues(events, m_bank, m_requests);
    for (const engine::PlayRequest& r : m_requests)
        m_mixer.play(r); // refused when muted or rate-limited: that is the point
}

} // namespace game
