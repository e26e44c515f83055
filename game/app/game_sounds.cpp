#include "game/app/game_sounds.h"

#include "engine/audio/mixer.h"
#include "engine/audio/synth.h"

namespace game {

namespace {
engine::SoundId add(engine::Mixer& mixer, engine::Waveform wave, float startHz, float endHz,
                    float sustainMs, float decayMs, float lowpassHz, float volume,
                    float duty = 0.5f) {
    engine::SynthDef def;
    def.wave = wave;
    def.startHz = startHz;
    def.endHz = endHz;
    def.attackMs = 2;
    def.sustainMs = sustainMs;
    def.decayMs = decayMs;
    def.lowpassHz = lowpassHz;
    def.volume = volume;
    def.duty = duty;
    return mixer.addSound(engine::synthesize(def, mixer.sampleRate()));
}
} // namespace

SoundBank addGameSounds(engine::Mixer& mixer) {
    using W = engine::Waveform;
    SoundBank b;
    b.shot = add(mixer, W::Square, 900, 450, 8, 55, 3000, 0.06f, 0.25f); // a soft "pew"
    b.enemyHit = add(mixer, W::Noise, 2500, 900, 4, 45, 2200, 0.10f);    // a tick
    b.enemyDeaths = {
        add(mixer, W::Noise, 1600, 250, 25, 220, 1800, 0.22f), // a small explosion
        add(mixer, W::Square, 420, 70, 20, 180, 1600, 0.14f),  // a dropping blip
        add(mixer, W::Saw, 300, 60, 30, 200, 1400, 0.16f),     // a growl
    };
    b.playerHit = add(mixer, W::Saw, 240, 110, 40, 160, 1500, 0.26f);
    b.waveStart = add(mixer, W::Square, 440, 880, 90, 220, 2500, 0.12f); // rising
    b.gameOver = add(mixer, W::Square, 330, 80, 300, 700, 1200, 0.22f);  // a long fall
    return b;
}

} // namespace game
