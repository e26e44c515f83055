#include "engine/audio/mixer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace engine {

namespace {
constexpr uint64_t kNever = std::numeric_limits<uint64_t>::max();
constexpr int kChunk = 256; // frames mixed at a time into a stack buffer (no allocation)

// Linear up to the knee, then a tanh shoulder that meets it with the same slope and never reaches
// past 1: loud bursts get rounder, never clipped.
float softLimit(float x, float knee) {
    const float a = std::fabs(x);
    if (a <= knee)
        return x;
    const float room = 1.0f - knee;
    const float y = std::min(1.0f, knee + room * std::tanh((a - knee) / room));
    return x < 0 ? -y : y;
}
} // namespace

Mixer::Mixer(MixerDef def) : m_def(def) {
    m_def.maxVoices = std::clamp(m_def.maxVoices, 1, kMaxVoices);
    m_def.sampleRate = std::max(1, m_def.sampleRate);
    m_def.rateLimitMs = std::max(0, m_def.rateLimitMs);
    m_def.limiterKnee = std::clamp(m_def.limiterKnee, 0.0f, 0.99f);
}

SoundId Mixer::addSound(std::vector<float> samples) {
    m_sounds.push_back(std::move(samples));
    m_lastStart.push_back(kNever);
    return SoundId(m_sounds.size() - 1);
}

bool Mixer::play(PlayRequest request) {
    if (request.sound >= m_sounds.size() || muted())
        return false;
    const uint64_t now = m_clock.load(std::memory_order_acquire);
    const uint64_t limit = uint64_t(m_def.rateLimitMs) * uint64_t(m_def.sampleRate) / 1000;
    uint64_t& last = m_lastStart[request.sound];
    if (last != kNever && now - last < limit) {
        m_rateLimited.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    if (!m_queue.push(request)) {
        m_queueFull.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    last = now;
    return true;
}

void Mixer::setVolume(float volume) {
    m_volume.store(std::isfinite(volume) ? std::clamp(volume, 0.0f, 1.0f) : 0.0f,
                   std::memory_order_relaxed);
}

void Mixer::setMuted(bool muted) {
    m_muted.store(muted, std::memory_order_relaxed);
}

void Mixer::start(const PlayRequest& r) {
    Voice* slot = nullptr;
    Voice* oldest = &m_voices[0];
    for (int i = 0; i < m_def.maxVoices; ++i) {
        Voice& v = m_voices[i];
        if (v.sound == kNoSound) {
            slot = &v;
            break;
        }
        if (v.order < oldest->order)
            oldest = &v;
    }
    if (!slot) {
        slot = oldest;
        m_stolen.fetch_add(1, std::memory_order_relaxed);
    }
    const float gain = std::isfinite(r.gain) ? std::clamp(r.gain, 0.0f, 4.0f) : 0.0f;
    const float pitch = std::isfinite(r.pitch) ? std::clamp(r.pitch, 0.25f, 4.0f) : 1.0f;
    *slot = Voice{r.sound, 0.0, pitch, gain, m_nextOrder++};
    m_started.fetch_add(1, std::memory_order_relaxed);
}

void Mixer::mixVoices(float* mono, int frames) {
    std::fill(mono, mono + frames, 0.0f);
    for (int i = 0; i < m_def.maxVoices; ++i) {
        Voice& v = m_voices[i];
        if (v.sound == kNoSound)
            continue;
        const std::vector<float>& s = m_sounds[v.sound];
        const double end = double(s.size());
        int f = 0;
        for (; f < frames && v.position < end; ++f) {
            // Linear interpolation: pitch resamples without a filter, fine for these short,
            // synthetic sounds.
            const auto at = size_t(v.position);
            const float frac = float(v.position - double(at));
            const float next = at + 1 < s.size() ? s[at + 1] : 0.0f;
            mono[f] += v.gain * (s[at] + (next - s[at]) * frac);
            v.position += double(v.step);
        }
        if (v.position >= end)
            v.sound = kNoSound;
    }
}

void Mixer::mix(float* out, int frames, int channels) {
    channels = std::max(1, channels);
    if (muted()) {
        for (PlayRequest r; m_queue.pop(&r);) {
        }
        for (Voice& v : m_voices)
            v.sound = kNoSound;
        std::fill(out, out + size_t(frames) * size_t(channels), 0.0f);
    } else {
        for (PlayRequest r; m_queue.pop(&r);)
            start(r);
        const float volume = this->volume();
        float mono[kChunk];
        for (int done = 0; done < frames;) {
            const int n = std::min(kChunk, frames - done);
            mixVoices(mono, n);
            for (int f = 0; f < n; ++f) {
                const float y = softLimit(mono[f] * volume, m_def.limiterKnee);
                float* frame = out + size_t(done + f) * size_t(channels);
                for (int c = 0; c < channels; ++c)
                    frame[c] = y;
            }
            done += n;
        }
    }
    int active = 0;
    for (int i = 0; i < m_def.maxVoices; ++i)
        active += m_voices[i].sound != kNoSound;
    m_active.store(active, std::memory_order_relaxed);
    m_clock.fetch_add(uint64_t(std::max(0, frames)), std::memory_order_release);
}

MixerStats Mixer::stats() const {
    MixerStats s;
    s.started = m_started.load(std::memory_order_relaxed);
    s.stolen = m_stolen.load(std::memory_order_relaxed);
    s.rateLimited = m_rateLimited.load(std::memory_order_relaxed);
    s.queueFull = m_queueFull.load(std::memory_order_relaxed);
    s.activeVoices = m_active.load(std::memory_order_relaxed);
    s.framesMixed = m_clock.load(std::memory_order_acquire);
    return s;
}

} // namespace engine
