// The device wrapper against SDL's `disk` driver, which writes what the callback mixed to a file:
// the test hears what a sound card would have played. No sound card needed.
#include "engine/audio/audio_device.h"
#include "engine/audio/mixer.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <unistd.h>

namespace {
std::vector<float> readFloats(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
    std::vector<float> out(bytes.size() / sizeof(float));
    std::memcpy(out.data(), bytes.data(), out.size() * sizeof(float));
    return out;
}
} // namespace

TEST(AudioDevice, TheDiskDriverRecordsWhatTheMixerPlays) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("arena_audio_device_test_" + std::to_string(::getpid()) + ".raw");
    std::filesystem::remove(file);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
    engine::Mixer mixer;
    const engine::SoundId id = mixer.addSound(std::vector<float>(4800, 0.5f)); // 100 ms
    std::string error;
    auto device = engine::AudioDevice::open(mixer, engine::defaultAudioDeviceDef(), &error);
    ASSERT_TRUE(device) << error;
    EXPECT_EQ(device->driver(), "disk");
    EXPECT_EQ(device->sampleRate(), mixer.sampleRate());
    EXPECT_EQ(device->channels(), 2);
    const uint64_t before = mixer.stats().framesMixed;
    ASSERT_TRUE(mixer.play({id}));
    // Waits until the callback has mixed past the whole sound (bounded: a stuck driver fails).
    for (int i = 0; i < 1000 && mixer.stats().framesMixed < before + 4800 + 2048; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    device.reset(); // closes the file
    unsetenv("SDL_AUDIODRIVER");
    unsetenv("SDL_DISKAUDIOFILE");

    const std::vector<float> samples = readFloats(file);
    std::filesystem::remove(file);
    int loud = 0;
    for (size_t i = 0; i + 1 < samples.size(); i += 2) {
        ASSERT_EQ(samples[i], samples[i + 1]); // the same on both channels
        loud += samples[i] == 0.5f;
    }
    EXPECT_EQ(loud, 4800); // every frame of the sound, once
}

TEST(AudioDevice, NoDeviceIsAnErrorNotACrash) {
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    engine::Mixer mixer;
    std::string error;
    auto device = engine::AudioDevice::open(mixer, engine::defaultAudioDeviceDef(), &error);
    unsetenv("SDL_AUDIODRIVER");
    EXPECT_FALSE(device);
    EXPECT_FALSE(error.empty());
}
