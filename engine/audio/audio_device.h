#pragma once
// AudioDevice: the default SDL audio device pulling float samples from a Mixer in SDL's audio
// thread. The game thread never waits on it: it only queues plays (mixer.h).
//
// Contract:
// - open() initialises SDL's audio subsystem itself (only the window mode asks for sound; headless
//   and screenshot runs never call it) and asks for exactly float32 at the mixer's rate, 2
//   channels: SDL converts if the hardware differs, so the mixer's rate is the rate played.
// - No device (no sound card, no server): open() returns null with the reason; the caller warns
//   once and plays on in silence.
// - The mixer must outlive the device; destroying the device stops the callback first.
// - Works with SDL's `disk` driver (SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=FILE), which writes the
//   raw float32 stream to FILE: how tests hear the game.
#include <memory>
#include <string>

namespace engine {

class Mixer;

struct AudioDeviceDef {
    int channels = 2;
    int bufferFrames = 512; // about 11 ms at 48 kHz: latency against callback overhead
};
inline AudioDeviceDef defaultAudioDeviceDef() {
    return AudioDeviceDef{};
}

class AudioDevice {
public:
    static std::unique_ptr<AudioDevice> open(Mixer& mixer, const AudioDeviceDef& def,
                                             std::string* error);
    ~AudioDevice();
    AudioDevice(const AudioDevice&) = delete;
    AudioDevice& operator=(const AudioDevice&) = delete;

    int sampleRate() const { return m_rate; }
    int channels() const { return m_channels; }
    std::string driver() const; // SDL's driver name ("pulseaudio", "disk", ...)

private:
    AudioDevice() = default;
    static void callback(void* user, unsigned char* stream, int bytes);

    Mixer* m_mixer = nullptr;
    unsigned m_device = 0;
    int m_rate = 0, m_channels = 0;
};

} // namespace engine
