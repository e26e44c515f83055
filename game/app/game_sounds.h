#pragma once
// The game's sound effects, synthesized at start-up (engine/audio/synth.h) and registered on the
// mixer. Short and soft: the shot, heard several times a second, is the quietest.
#include "game/app/sound_cues.h"

namespace engine {
class Mixer;
}

namespace game {

/// Before the mixer's device starts (mixer.h: sounds are added at start-up only).
SoundBank addGameSounds(engine::Mixer& mixer);

} // namespace game
