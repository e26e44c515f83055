#include "engine/audio/synth.h"

#include "engine/core/random.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace engine {

std::vector<float> synthesize(const SynthDef& def, int sampleRate) {
    const float rate = float(std::max(1, sampleRate));
    const auto frames = [&](float ms) { return size_t(std::max(0.0f, ms) * rate / 1000.0f); };
    const size_t attack = frames(def.attackMs), sustain = frames(def.sustainMs),
                 decay = frames(def.decayMs);
    const size_t total = attack + sustain + decay;
    std::vector<float> out(total);
    if (total == 0)
        return out;
    const float startHz = std::max(1.0f, def.startHz), endHz = std::max(1.0f, def.endHz);
    const float duty = std::clamp(def.duty, 0.05f, 0.95f);
    // One-pole low-pass coefficient for the cut-off frequency.
    const float alpha =
        def.lowpassHz > 0
            ? 1.0f - std::exp(-2.0f * std::numbers::pi_v<float> * def.lowpassHz / rate)
            : 1.0f;
    Rng rng(def.seed);
    float phase = 0, noise = rng.unit() * 2 - 1, filtered = 0;
    for (size_t i = 0; i < total; ++i) {
        const float t = float(i) / float(total);
        const float hz = startHz * std::pow(endHz / startHz, t);
        float osc = 0;
        switch (def.wave) {
        case Waveform::Square: osc = phase < duty ? 1.0f : -1.0f; break;
        case Waveform::Saw: osc = 2.0f * phase - 1.0f; break;
        case Waveform::Noise: osc = noise; break;
        }
        phase += hz / rate;
        if (phase >= 1.0f) { // noise is sample-and-hold: a new value every period, as in sfxr
            phase -= std::floor(phase);
            noise = rng.unit() * 2 - 1;
        }
        float env = 1.0f;
        if (i < attack)
            env = float(i) / float(attack);
        else if (i >= attack + sustain) {
            const float d = 1.0f - float(i - attack - sustain) / float(decay);
            env = d * d; // a quadratic tail sounds less abrupt than a linear one
        }
        filtered += alpha * (osc - filtered);
        out[i] = filtered * env * def.volume;
    }
    return out;
}

} // namespace engine
