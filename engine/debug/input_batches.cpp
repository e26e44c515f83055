#include "engine/debug/input_batches.h"

#include <bitset>

namespace engine {

namespace {

// What the batch being filled has changed so far.
struct OpenBatch {
    std::bitset<SDL_NUM_SCANCODES> keys;
    std::bitset<256> buttons; // SDL numbers mouse buttons with a Uint8
    bool anyChange = false;
    bool keyChange = false; // of a key that is not a modifier
};

bool isModifier(size_t scancode) {
    return scancode >= SDL_SCANCODE_LCTRL && scancode <= SDL_SCANCODE_RGUI;
}

} // namespace

void splitInputBatches(std::span<const SDL_Event> events, InputBatches& out) {
    out.events.clear();
    out.ends.clear();
    OpenBatch open;
    const auto closeBatch = [&] {
        out.ends.push_back(out.events.size());
        open = OpenBatch{};
    };
    // Adds a key or button change, first closing the batch if that input already changed in it.
    const auto change = [&](const SDL_Event& e, auto& changed, size_t index) {
        if (changed.test(index))
            closeBatch();
        changed.set(index);
        open.anyChange = true;
        out.events.push_back(e);
    };

    for (const SDL_Event& e : events) {
        switch (e.type) {
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            const size_t code = size_t(e.key.keysym.scancode);
            if (code >= open.keys.size()) { // not a key ImGui tracks: order is all that matters
                out.events.push_back(e);
                break;
            }
            // A batch's modifiers are those of its last event: a modifier that changes after a key
            // did (xdotool's ctrl+g releases Ctrl before G) would take them from that key.
            if (isModifier(code) && open.keyChange)
                closeBatch();
            if (!isModifier(code))
                open.keyChange = true;
            if (e.type == SDL_KEYDOWN && e.key.repeat) {
                SDL_Event up = e;
                up.type = SDL_KEYUP;
                up.key.state = SDL_RELEASED;
                up.key.repeat = 0;
                change(up, open.keys, code);
                SDL_Event down = e;
                down.key.repeat = 0;
                change(down, open.keys, code);
            } else {
                change(e, open.keys, code);
            }
            break;
        }
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: change(e, open.buttons, size_t(e.button.button)); break;
        case SDL_TEXTINPUT:
            if (open.anyChange)
                closeBatch();
            out.events.push_back(e);
            break;
        default: out.events.push_back(e); break;
        }
    }
    if (!out.events.empty() && (out.ends.empty() || out.ends.back() != out.events.size()))
        closeBatch();
}

} // namespace engine
