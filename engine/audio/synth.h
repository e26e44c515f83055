#pragma once
// Synth: sfxr-style sound effects made at start-up, so the repository holds no audio files. One
// oscillator (square, saw or noise) whose pitch slides exponentially from startHz to endHz, shaped
// by an attack / sustain / decay envelope and softened by a one-pole low-pass (raw square and
// noise are piercing).
#include <cstdint>
#include <vector>

namespace engine {

enum class Waveform : uint8_t { Square, Saw, Noise };

struct SynthDef {
    Waveform wave = Waveform::Square;
    float startHz = 440.0f;
    float endHz = 440.0f; // the slide's end, reached when the sound ends
    float duty = 0.5f;    // square only: the share of the period spent high
    float attackMs = 2.0f, sustainMs = 30.0f, decayMs = 120.0f;
    float lowpassHz = 6000.0f; // <= 0: none
    float volume = 0.3f;       // the peak, so a dozen voices together still leave headroom
    uint64_t seed = 1;         // noise: the same sound every start-up
};

/// Mono samples at `sampleRate`, peak at most `def.volume`; empty if the envelope is empty.
std::vector<float> synthesize(const SynthDef& def, int sampleRate);

} // namespace engine
