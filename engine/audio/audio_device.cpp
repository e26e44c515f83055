#include "engine/audio/audio_device.h"

#include "engine/audio/mixer.h"

#include <SDL.h>

namespace engine {

std::unique_ptr<AudioDevice> AudioDevice::open(Mixer& mixer, const AudioDeviceDef& def,
                                               std::string* error) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        *error = SDL_GetError();
        return nullptr;
    }
    std::unique_ptr<AudioDevice> device(new AudioDevice);
    device->m_mixer = &mixer;
    SDL_AudioSpec want{};
    want.freq = mixer.sampleRate();
    want.format = AUDIO_F32SYS;
    want.channels = Uint8(def.channels);
    want.samples = Uint16(def.bufferFrames);
    want.callback = &AudioDevice::callback;
    want.userdata = device.get();
    SDL_AudioSpec have{};
    // No allowed changes: SDL converts to whatever the hardware plays, the callback sees `want`.
    device->m_device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (device->m_device == 0) {
        *error = SDL_GetError();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return nullptr;
    }
    device->m_rate = have.freq;
    device->m_channels = have.channels;
    SDL_PauseAudioDevice(device->m_device, 0);
    return device;
}

AudioDevice::~AudioDevice() {
    SDL_CloseAudioDevice(m_device); // waits for a running callback
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

std::string AudioDevice::driver() const {
    const char* name = SDL_GetCurrentAudioDriver();
    return name ? name : "";
}

void AudioDevice::callback(void* user, unsigned char* stream, int bytes) {
    auto* self = static_cast<AudioDevice*>(user);
    const int frames = bytes / int(sizeof(float)) / self->m_channels;
    self->m_mixer->mix(reinterpret_cast<float*>(stream), frames, self->m_channels);
}

} // namespace engine
