#include "engine/audio/mixer.h"

#include <gtest/gtest.h>

#include <vector>

namespace {
std::vector<float> constant(float value, size_t frames = 48000) {
    return std::vector<float>(frames, value);
}
std::vector<float> mixFrames(engine::Mixer& m, int frames, int channels = 1) {
    std::vector<float> out(size_t(frames) * size_t(channels), 123.0f); // garbage to overwrite
    m.mix(out.data(), frames, channels);
    return out;
}
engine::MixerDef noRateLimit() {
    engine::MixerDef def = engine::defaultMixerDef();
    def.rateLimitMs = 0;
    return def;
}
} // namespace

TEST(Mixer, ASilentMixerOutputsExactZeros) {
    engine::Mixer m;
    m.addSound(constant(0.5f));
    for (float s : mixFrames(m, 1024, 2))
        ASSERT_EQ(s, 0.0f);
}

TEST(Mixer, PlaysASoundOnEveryChannelAtItsOwnLevel) {
    engine::Mixer m;
    const engine::SoundId id = m.addSound(constant(0.25f));
    ASSERT_TRUE(m.play({id}));
    for (float s : mixFrames(m, 512, 2))
        ASSERT_FLOAT_EQ(s, 0.25f); // under the limiter's knee: untouched
}

TEST(Mixer, VolumeAndGainScaleTheOutput) {
    engine::Mixer m;
    const engine::SoundId id = m.addSound(constant(0.25f));
    m.setVolume(0.5f);
    ASSERT_TRUE(m.play({id, /*gain=*/0.8f}));
    for (float s : mixFrames(m, 256))
        ASSERT_FLOAT_EQ(s, 0.25f * 0.8f * 0.5f);
    m.setVolume(0.0f);
    for (float s : mixFrames(m, 256))
        ASSERT_EQ(s, 0.0f);
    m.setVolume(7.0f); // clamped to 1
    EXPECT_EQ(m.volume(), 1.0f);
}

TEST(Mixer, MuteOutputsZerosAndRefusesPlays) {
    engine::Mixer m;
    const engine::SoundId id = m.addSound(constant(0.5f));
    ASSERT_TRUE(m.play({id}));
    m.setMuted(true);
    EXPECT_FALSE(m.play({id}));
    for (float s : mixFrames(m, 512, 2))
        ASSERT_EQ(s, 0.0f);
    m.setMuted(false); // the sound playing before the mute does not come back
    for (float s : mixFrames(m, 512))
        ASSERT_EQ(s, 0.0f);
}

TEST(Mixer, OverTheVoiceLimitANewSoundStealsTheOldest) {
    engine::MixerDef def = noRateLimit();
    def.maxVoices = 4;
    engine::Mixer m(def);
    std::vector<engine::SoundId> ids;
    for (int i = 1; i <= 6; ++i)
        ids.push_back(m.addSound(constant(0.01f * float(i))));
    for (engine::SoundId id : ids)
        ASSERT_TRUE(m.play({id}));
    const std::vector<float> out = mixFrames(m, 64);
    EXPECT_EQ(m.stats().activeVoices, 4);
    EXPECT_EQ(m.stats().stolen, 2u);
    EXPECT_NEAR(out[0], 0.03f + 0.04f + 0.05f + 0.06f, 1e-6f); // the four newest
}

TEST(Mixer, TheSameSoundStartsAtMostOncePerRateLimit) {
    engine::MixerDef def = engine::defaultMixerDef();
    def.sampleRate = 48000;
    def.rateLimitMs = 40; // 1920 frames
    engine::Mixer m(def);
    const engine::SoundId a = m.addSound(constant(0.1f, 100));
    const engine::SoundId b = m.addSound(constant(0.1f, 100));
    EXPECT_TRUE(m.play({a}));
    EXPECT_FALSE(m.play({a}));
    EXPECT_TRUE(m.play({b})); // another sound has its own limit
    mixFrames(m, 1919);
    EXPECT_FALSE(m.play({a}));
    mixFrames(m, 1);
    EXPECT_TRUE(m.play({a}));
    EXPECT_EQ(m.stats().rateLimited, 2u);
}

TEST(Mixer, ABurstOf2000PlaysStaysWithinRangeAndTheVoiceLimit) {
    for (const engine::MixerDef& def : {engine::defaultMixerDef(), noRateLimit()}) {
        engine::Mixer m(def);
        std::vector<engine::SoundId> ids;
        for (int i = 0; i < 5; ++i) // loud on purpose: 16 of them sum far past 1
            ids.push_back(m.addSound(constant(i % 2 ? 0.9f : -0.9f, 4000)));
        ids.push_back(m.addSound(constant(0.9f, 4000)));
        float peak = 0;
        for (int tick = 0; tick < 10; ++tick) {
            for (int i = 0; i < 2000; ++i)
                m.play({ids[size_t(i) % ids.size()], 1.0f + float(i % 3), 0.5f + float(i % 4)});
            for (float s : mixFrames(m, 800, 2)) {
                ASSERT_GE(s, -1.0f);
                ASSERT_LE(s, 1.0f);
                peak = std::max(peak, std::abs(s));
            }
            EXPECT_LE(m.stats().activeVoices, def.maxVoices);
        }
        EXPECT_GT(peak, 0.8f); // it did play, loudly, through the limiter's shoulder
    }
}

TEST(Mixer, PitchResamplesTheSound) {
    engine::Mixer m(noRateLimit());
    std::vector<float> ramp(1000);
    for (size_t i = 0; i < ramp.size(); ++i)
        ramp[i] = float(i) / 2000.0f; // 0 .. 0.5, under the knee
    const engine::SoundId id = m.addSound(ramp);
    ASSERT_TRUE(m.play({id, 1.0f, /*pitch=*/0.5f}));
    const std::vector<float> slow = mixFrames(m, 8);
    for (size_t f = 0; f < slow.size(); ++f) // halfway between samples every other frame
        EXPECT_NEAR(slow[f], float(f) * 0.5f / 2000.0f, 1e-6f);

    engine::Mixer fast(noRateLimit());
    const engine::SoundId fid = fast.addSound(ramp);
    ASSERT_TRUE(fast.play({fid, 1.0f, /*pitch=*/2.0f}));
    const std::vector<float> out = mixFrames(fast, 600);
    EXPECT_NEAR(out[10], 20.0f / 2000.0f, 1e-6f);
    EXPECT_GT(out[499], 0.0f);
    EXPECT_EQ(out[500], 0.0f); // an octave up lasts half as long
    EXPECT_EQ(fast.stats().activeVoices, 0);
}

TEST(Mixer, RefusesUnknownSounds) {
    engine::Mixer m;
    EXPECT_FALSE(m.play({engine::kNoSound}));
    EXPECT_FALSE(m.play({0}));
}
