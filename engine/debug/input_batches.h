#pragma once
// Input batches: one frame's SDL events cut into pieces that Dear ImGui 1.86 can each see whole.
//
// ImGui 1.86 keeps keys and mouse buttons as a state per frame (io.KeysDown, io.MouseDown) and has
// no event queue: a key pressed and released within one frame is never seen, and the OS's
// auto-repeat (more KEYDOWNs of a key already down) changes nothing. ImGuiLayer feeds each batch
// to its own ImGui frame, so at 6 FPS five Backspace taps in one frame still delete five
// characters.
//
// Contract (splitInputBatches):
// - The batches, concatenated, are the events in their order, except that every auto-repeated
//   KEYDOWN (key.repeat != 0) is preceded by a synthesized KEYUP of the same key and loses its
//   repeat flag: for ImGui a repeat is a fresh press, so the OS's repeat settings drive repeats.
// - No key (scancode) and no mouse button changes state twice within one batch.
// - A modifier (Ctrl, Shift, Alt, GUI) that changes after another key did starts a new batch:
//   ImGui takes a batch's modifiers from its last key event, so Ctrl released right after G
//   (xdotool's ctrl+g does that) would otherwise turn Ctrl+G into G.
// - Within a batch, text (SDL_TEXTINPUT) never follows a key or button change: ImGui applies a
//   frame's text before its keys, so text after a change would jump ahead of it.
// - Anything else (motion, wheel, window events) stays where it falls. No events: no batches.
// Pure: no SDL call, no state between frames.
#include <SDL_events.h>

#include <cstddef>
#include <span>
#include <vector>

namespace engine {

struct InputBatches {
    std::vector<SDL_Event> events; // every batch's events, one after the other
    std::vector<size_t> ends;      // batch i is events[i ? ends[i - 1] : 0, ends[i])

    size_t count() const { return ends.size(); }
    std::span<const SDL_Event> batch(size_t i) const {
        const size_t first = i ? ends[i - 1] : 0;
        return {events.data() + first, ends[i] - first};
    }
};

/// Splits one frame's events (see the contract above). `out` is cleared first; reusing it keeps
/// its memory.
void splitInputBatches(std::span<const SDL_Event> events, InputBatches& out);

} // namespace engine
