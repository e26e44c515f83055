#include "engine/audio/synth.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace {
int signChanges(const std::vector<float>& s, size_t begin, size_t end) {
    int n = 0;
    for (size_t i = begin + 1; i < end; ++i)
        n += (s[i - 1] < 0) != (s[i] < 0);
    return n;
}
float peak(const std::vector<float>& s) {
    float p = 0;
    for (float v : s)
        p = std::max(p, std::abs(v));
    return p;
}
} // namespace

TEST(Synth, LastsItsEnvelopeAndPeaksAtItsVolume) {
    engine::SynthDef def;
    def.attackMs = 10;
    def.sustainMs = 20;
    def.decayMs = 70;
    def.volume = 0.3f;
    const std::vector<float> s = engine::synthesize(def, 48000);
    EXPECT_EQ(s.size(), 4800u); // 100 ms
    EXPECT_LE(peak(s), 0.3f + 1e-6f);
    EXPECT_GT(peak(s), 0.2f);
    EXPECT_LT(std::abs(s.back()), 0.01f); // the tail fades out: no click
    EXPECT_LT(std::abs(s.front()), 0.01f);
}

TEST(Synth, ASquareWaveHasItsFrequency) {
    engine::SynthDef def;
    def.startHz = def.endHz = 500;
    def.lowpassHz = 0;
    def.attackMs = 0;
    def.sustainMs = 1000;
    def.decayMs = 0;
    const std::vector<float> s = engine::synthesize(def, 48000);
    EXPECT_NEAR(signChanges(s, 0, s.size()), 1000, 2); // two per period
}

TEST(Synth, APitchSlideDownGoesDown) {
    for (engine::Waveform wave : {engine::Waveform::Square, engine::Waveform::Saw}) {
        engine::SynthDef def;
        def.wave = wave;
        def.startHz = 1600;
        def.endHz = 200;
        def.attackMs = 0;
        def.sustainMs = 400;
        def.decayMs = 0;
        const std::vector<float> s = engine::synthesize(def, 48000);
        const size_t q = s.size() / 4;
        EXPECT_GT(signChanges(s, 0, q), 2 * signChanges(s, 3 * q, s.size()));
    }
}

TEST(Synth, NoiseIsTheSameForTheSameSeed) {
    engine::SynthDef def;
    def.wave = engine::Waveform::Noise;
    def.startHz = def.endHz = 4000;
    const std::vector<float> a = engine::synthesize(def, 44100);
    EXPECT_EQ(a, engine::synthesize(def, 44100));
    def.seed = 2;
    EXPECT_NE(a, engine::synthesize(def, 44100));
    EXPECT_GT(peak(a), 0.05f);
}

TEST(Synth, AnEmptyEnvelopeIsNoSound) {
    engine::SynthDef def;
    def.attackMs = def.sustainMs = def.decayMs = 0;
    EXPECT_TRUE(engine::synthesize(def, 48000).empty());
}
