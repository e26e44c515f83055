#pragma once
// Mixer: plays registered sounds (mono float samples at the output rate) into an output buffer.
// Pure: no SDL here (audio_device.h feeds it to the sound card).
//
// Contract:
// - addSound() only before mix() first runs (at start-up): the sounds are then read without locks.
// - play(), setVolume(), setMuted() belong to one producer thread (the game thread); they never
//   block nor allocate: requests go through a lock-free ring (spsc_queue.h), a full ring drops.
// - mix() belongs to one consumer thread (the audio callback).
// - Rate limit: the same sound starts at most once per `rateLimitMs` of mixed audio (the mixer's
//   own clock, so a burst of 2,000 deaths in one tick is one start). The producer applies it, so
//   the ring never fills with copies of one sound.
// - Voice limit: a start over `maxVoices` steals the oldest voice (the newest event is the one the
//   player just caused).
// - The output always stays within [-1, 1]: a soft limiter (linear up to `limiterKnee`, then a tanh
//   shoulder) instead of clipping. Muted, the output is exact zeros and queued sounds are dropped.
#include "engine/audio/spsc_queue.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace engine {

using SoundId = uint16_t;
inline constexpr SoundId kNoSound = 0xffff;

struct PlayRequest {
    SoundId sound = kNoSound;
    float gain = 1.0f;  // linear, per play (clamped to [0, 4])
    float pitch = 1.0f; // playback speed: 2 is an octave up and half as long (clamped [0.25, 4])
};

struct MixerDef {
    int sampleRate = 48000;
    int maxVoices = 16;
    int rateLimitMs = 40;
    float limiterKnee = 0.8f; // below it the output is untouched (volume tests stay exact)
};
inline MixerDef defaultMixerDef() {
    return MixerDef{};
}

struct MixerStats {
    uint64_t started = 0;     // voices started
    uint64_t stolen = 0;      // voices cut short by a newer start over the limit
    uint64_t rateLimited = 0; // plays refused by the rate limit
    uint64_t queueFull = 0;   // plays dropped because the ring was full
    int activeVoices = 0;     // after the last mix()
    uint64_t framesMixed = 0; // the mixer's clock
};

class Mixer {
public:
    static constexpr int kMaxVoices = 64;

    explicit Mixer(MixerDef def = defaultMixerDef());
    Mixer(const Mixer&) = delete;
    Mixer& operator=(const Mixer&) = delete;

    /// Start-up only (see the contract). Samples are mono at def.sampleRate.
    SoundId addSound(std::vector<float> samples);
    int sampleRate() const { return m_def.sampleRate; }

    // Producer (game thread).
    /// Queues a start; false if refused (unknown sound, muted, rate limit, full ring).
    bool play(PlayRequest request);
    void setVolume(float volume); // master, clamped to [0, 1]
    void setMuted(bool muted);
    float volume() const { return m_volume.load(std::memory_order_relaxed); }
    bool muted() const { return m_muted.load(std::memory_order_relaxed); }

    // Consumer (audio thread).
    /// Writes `frames` frames of `channels` interleaved samples (the same signal on every channel).
    void mix(float* out, int frames, int channels);

    /// Read from either thread; the counters are approximate while both run.
    MixerStats stats() const;

private:
    struct Voice {
        SoundId sound = kNoSound;
        double position = 0; // in source samples
        float step = 1, gain = 1;
        uint64_t order = 0; // start order: the lowest is the oldest
    };
    void start(const PlayRequest& request);
    void mixVoices(float* mono, int frames);

    MixerDef m_def;
    std::vector<std::vector<float>> m_sounds;
    SpscQueue<PlayRequest, 256> m_queue;
    std::atomic<float> m_volume{1.0f};
    std::atomic<bool> m_muted{false};
    std::atomic<uint64_t> m_clock{0}; // frames mixed: the rate limit's time
    // Producer side.
    std::vector<uint64_t> m_lastStart; // per sound, m_clock at its last accepted play
    std::atomic<uint64_t> m_rateLimited{0}, m_queueFull{0};
    // Consumer side.
    Voice m_voices[kMaxVoices];
    uint64_t m_nextOrder = 1;
    std::atomic<uint64_t> m_started{0}, m_stolen{0};
    std::atomic<int> m_active{0};
};

} // namespace engine
